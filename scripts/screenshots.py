"""Write the README's screenshots (SVG) by driving the app headless: python scripts/screenshots.py"""

from __future__ import annotations

import asyncio
from pathlib import Path

from guide.faces.tui.app import make_app
from guide.flow.engine import Walk
from guide.library.flows import find_flow, open_flow, resolver

OUT = Path(__file__).resolve().parents[1] / "docs" / "images"
SHOTS = {
    "chat.svg": ["enter", "3", "slash", *"my boss", "enter"],
    "outcome.svg": ["enter", "3", "2", "2", *"Sam", "enter", *"Alex", "enter"],
}


async def shoot(name: str, keys: list[str]) -> None:
    flow = open_flow(find_flow("hang-up"))
    app = make_app(Walk(flow, resolver([flow])))
    async with app.run_test(size=(80, 24)) as pilot:
        for key in keys:
            await pilot.press(key)
        await pilot.pause(0.3)
        app.save_screenshot(str(OUT / name))


async def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, keys in SHOTS.items():
        await shoot(name, [{" ": "space"}.get(k, k) for k in keys])


if __name__ == "__main__":
    asyncio.run(main())
