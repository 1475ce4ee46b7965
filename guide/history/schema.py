"""The store's tables, and how each older file is brought up to them.

`PRAGMA user_version` holds the version a file is at; `guide.history.migrate` runs each
migration after it, in order, in one transaction, on opening.
"""

from __future__ import annotations

SCHEMA_VERSION = 4

MIGRATIONS: dict[int, str] = {
    # version reached: the SQL that gets there from the one before
    1: """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            started TEXT NOT NULL,
            updated TEXT NOT NULL,
            flow_id TEXT NOT NULL,
            flow_title TEXT NOT NULL,
            flow_path TEXT NOT NULL,
            flow_digest TEXT NOT NULL,
            finished INTEGER NOT NULL DEFAULT 0,
            outcome TEXT,
            outcome_json TEXT,
            abandoned INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE events (
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            at TEXT NOT NULL,
            kind TEXT NOT NULL,
            value TEXT NOT NULL DEFAULT '',
            label TEXT NOT NULL DEFAULT '',
            asked TEXT NOT NULL DEFAULT '',
            flow_id TEXT NOT NULL DEFAULT '',
            node TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (session_id, seq)
        );
        CREATE TABLE practice_results (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            deck TEXT NOT NULL,
            scenario TEXT NOT NULL,
            score REAL NOT NULL,
            outcome TEXT NOT NULL,
            expert_outcome TEXT NOT NULL,
            parted_at TEXT
        );
    """,
    # Each walk's owner: the token naming its lock file (guide.history.ownership). Walks saved
    # before owners existed get one of their own, free to be claimed.
    2: """
        ALTER TABLE sessions ADD COLUMN owner TEXT NOT NULL DEFAULT '';
        UPDATE sessions SET owner = 'v1-' || id;
    """,
    # Practice results keep the learner's answers (JSON: [[node, asked, answer], ...]) and
    # whether an emergency was missed (NULL: not known, a result kept before this), for
    # `practice export`. The file is copied aside first (guide.history.migrate).
    3: """
        ALTER TABLE practice_results ADD COLUMN answers TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE practice_results ADD COLUMN missed_emergency INTEGER;
    """,
    # Check-ins (issue 19): when to ask how a walk's advice went, and the answer. One per
    # walk that finished on an outcome with `check_in:`; walks saved before have none.
    4: """
        CREATE TABLE check_ins (
            session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
            outcome TEXT NOT NULL,
            title TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            every INTEGER NOT NULL,
            due TEXT NOT NULL,
            answer TEXT,
            answered TEXT,
            asked INTEGER NOT NULL DEFAULT 0
        );
    """,
}
