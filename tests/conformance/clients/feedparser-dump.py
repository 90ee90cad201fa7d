"""Parse feeds with Python's feedparser and print what a reader built on it
sees, as a JSON list (one object per feed, in order): the bozo flag and, per
entry, the fields the suite compares.

    /usr/bin/python3 feedparser-dump.py FILE URL CONTENT_TYPE [FILE URL CONTENT_TYPE ...]

FILE holds the bytes as served; URL and CONTENT_TYPE are where and as what
they were served (feedparser resolves relative references against the URL and
checks the media type, as an aggregator fetching the feed would). Several
feeds per run, because starting Python and importing feedparser costs more
than parsing a feed.
"""
import json
import sys

import feedparser


def instant(parsed):
    """feedparser's UTC struct_time as RFC 3339, to the second (or None)."""
    if parsed is None:
        return None
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % tuple(parsed[:6])


def dump(path, url, content_type):
    with open(path, "rb") as f:
        data = f.read()
    d = feedparser.parse(data, response_headers={"content-location": url, "content-type": content_type})
    out = {
        "version": d.get("version"),
        "bozo": bool(d.get("bozo")),
        "bozo_exception": repr(d.get("bozo_exception")) if d.get("bozo") else None,
        "feed": {
            "title": d.feed.get("title"),
            "link": d.feed.get("link"),
            "id": d.feed.get("id"),
            "updated": instant(d.feed.get("updated_parsed")),
            "links": [dict(l) for l in d.feed.get("links", [])],
        },
        "entries": [],
    }
    for e in d.entries:
        out["entries"].append(
            {
                "title": e.get("title"),
                "title_type": e.get("title_detail", {}).get("type"),
                "link": e.get("link"),
                "id": e.get("id"),
                "published": instant(e.get("published_parsed")),
                "updated": instant(e.get("updated_parsed")),
                "author": e.get("author"),
                "tags": [{"term": t.get("term"), "label": t.get("label")} for t in e.get("tags", [])],
                "summary": e.get("summary"),
                "summary_type": e.get("summary_detail", {}).get("type"),
                "content": [{"type": c.get("type"), "value": c.get("value")} for c in e.get("content", [])],
                "language": e.get("title_detail", {}).get("language"),
                "enclosures": [{"href": n.get("href"), "type": n.get("type"), "length": n.get("length")} for n in e.get("enclosures", [])],
                "media_content": [dict(m) for m in e.get("media_content", [])],
                "media_credit": [c.get("content") for c in e.get("media_credit", [])],
                "authors": [{"name": a.get("name")} for a in e.get("authors", [])],
                "contributors": [{"name": c.get("name")} for c in e.get("contributors", [])],
                "rights": e.get("rights"),
                "rights_type": e.get("rights_detail", {}).get("type"),
            }
        )
    return out


def main():
    args = sys.argv[1:]
    if len(args) == 0 or len(args) % 3 != 0:
        sys.exit("usage: feedparser-dump.py FILE URL CONTENT_TYPE [FILE URL CONTENT_TYPE ...]")
    feeds = [dump(*args[i : i + 3]) for i in range(0, len(args), 3)]
    json.dump(feeds, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
