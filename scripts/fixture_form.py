"""The form encoding the callback fixture scripts share: pairs in order,
JSON-valued fields as compact JSON, everything percent-encoded."""
import json
from urllib.parse import quote_plus


def form(pairs):
    out = []
    for k, v in pairs:
        if isinstance(v, (dict, list)):
            v = json.dumps(v, separators=(",", ":"), ensure_ascii=False)
        out.append(quote_plus(k, safe="") + "=" + quote_plus(v, safe=""))
    return "&".join(out)
