"""serve: the browser page, its refusals and the command's lines."""

from __future__ import annotations


class ServeWords:
    """serve: the browser page, its refusals and the command's lines. Each attribute is the English string."""

    # --- serve (issue 15 part 3): the browser page, its refusals, the command's lines ------
    serve_page_starting: str = "Starting…"
    serve_page_start: str = "Start"
    serve_page_ended: str = "This session has ended: it was closed, or left a while with no input."
    serve_page_restart: str = "Start again"
    serve_no_token: str = (
        "This guide opens only at the full address that `hangup-guide serve` printed,"
        " with its ?token=… part. Copy that address from where the guide was started."
    )
    serve_wrong_origin: str = "Refused: this connection did not come from the guide's own page."
    serve_socket_only: str = (
        "This address is the guide page's own connection, not a page: open the address"
        " that `hangup-guide serve` printed."
    )
    serve_busy: str = (
        "The guide already has {count} sessions open, its limit. Close one of its tabs,"
        " then reload this page."
    )
    serve_needs_extra: str = (
        "serving in a browser needs the `serve` extra: pip install 'hangup-guide[serve]'"
    )
    serve_open_at: str = "Open {url} in your browser (Ctrl+C stops)."
    serve_token_is_key: str = (
        "The token in that address is the only key: anyone who has the address can use the"
        " guide while it runs."
    )
    serve_open_host: str = (
        "note: listening on {host}: anyone who can reach port {port} from another machine can"
        " try the guide. They still need the token in the address above, but the connection"
        " is not encrypted, so someone on the network could read it. Use only on a network"
        " you trust."
    )
    serve_port_taken: str = "another program is using it; try another --port"
    serve_cannot_listen: str = "cannot listen on {host} port {port}: {reason}"
