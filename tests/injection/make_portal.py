#!/usr/bin/env python3
"""Writes tests/fixtures/injection: a portal with every vector of vectors.txt in every text
field, and only tricky-but-valid web addresses in its URL fields.

    python3 tests/injection/make_portal.py

The output is committed; run this again after changing vectors.txt.
"""
import csv
import io
import json
import pathlib
import shutil

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "fixtures" / "injection"

# Valid under the http(s)-only rule, yet each tries something: an upper-case host, a path or
# query that spells `javascript:` or markup once decoded, a port, IPv6, IDN, a fragment.
URLS = [
    "https://EXAMPLE.ORG/UPPER-CASE-HOST",
    "https://example.org/javascript:window.__xss=101",
    "https://example.org/%22%3E%3Cscript%3Ewindow.__xss=102%3C/script%3E",
    "https://example.org/a?b=1&c=%3Cimg%20src=x%20onerror=window.__xss=103%3E#x",
    "https://example.org:8443/port",
    "http://[2001:db8::1]/ipv6",
    "https://xn--mrida-bsa.example/idn",
    "https://example.org/#javascript:window.__xss=104",
]

# Short, single-line fields (names, labels) get vectors joined by a space, four to a row;
# Markdown fields get them as paragraphs.
PER_ROW = 4


def vectors():
    out = []
    for line in (HERE / "vectors.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        out.append(line.replace("\\n", "\n"))
    return out


def groups(items, size=PER_ROW):
    return [items[i : i + size] for i in range(0, len(items), size)]


def one_line(group):
    return " ".join(v.replace("\n", " ") for v in group)


def markdown(group):
    return "\n\n".join(group)


def write_csv(name, header, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    (OUT / "data" / name).write_text(buffer.getvalue(), encoding="utf-8")


def toml_string(text):
    return json.dumps(text, ensure_ascii=False)


def config(vs):
    lines = [
        'base_url = "https://fixture.example/injection/"',
        'default_language = "en"',
        'as_of = "2025-12-31"',
        'theme = "default"',
        "per_page = 20",
        "",
        "[title]",
        f"en = {toml_string(one_line(vs[0:2]))}",
        "",
        "[tagline]",
        f"en = {toml_string(one_line(vs[2:4]))}",
        "",
        "[[languages]]",
        'code = "en"',
        'name = "English"',
        'dir = "ltr"',
    ]
    labels = groups(vs, len(vs) // 3 + 1)
    for n, (status, colour) in enumerate(
        [("not-started", "#b42318"), ("in-progress", "#93370d"), ("implemented", "#067647")]
    ):
        lines += ["", "[[statuses]]", f'id = "{status}"', f'colour = "{colour}"']
        if status == "implemented":
            lines += ["implemented = true", "closed = true"]
        lines += ["[statuses.label]", f"en = {toml_string(one_line(labels[n]))}"]
    return "\n".join(lines) + "\n"


def main():
    vs = vectors()
    rows = groups(vs)
    if OUT.exists():
        shutil.rmtree(OUT)
    (OUT / "data").mkdir(parents=True)
    (OUT / "content").mkdir()
    (OUT / "config.toml").write_text(config(vs), encoding="utf-8")
    url = lambda i: URLS[i % len(URLS)]

    write_csv("mechanisms.csv", ["id", "kind", "acronym", "name_en", "url"],
              [["UPR", "upr", one_line(rows[0]), one_line(rows[1]), url(0)]]
              + [[f"M{i}", "treaty-body", one_line(g), one_line(g), url(i)]
                 for i, g in enumerate(rows)])
    write_csv("documents.csv", ["id", "symbol", "mechanism", "date", "cycle", "session", "title_en", "url"],
              [[f"DOC-{i}", one_line(g), "UPR" if i == 0 else f"M{i}", "2023-01-04", "4",
                one_line(g), one_line(g), url(i)] for i, g in enumerate(rows)])
    institutions = [f"INST-{i}" for i in range(len(rows))]
    write_csv("institutions.csv", ["id", "kind", "acronym", "name_en", "url"],
              [[institutions[i], "ministry", one_line(g), one_line(g), url(i)]
               for i, g in enumerate(rows)])
    write_csv("themes.csv", ["id", "parent", "name_en"],
              [[f"theme-{i}", "", one_line(g)] for i, g in enumerate(rows)])
    write_csv("groups.csv", ["id", "name_en"],
              [[f"group-{i}", one_line(g)] for i, g in enumerate(rows)])
    write_csv("clusters.csv", ["id", "name_en"],
              [[f"cluster-{i}", one_line(g)] for i, g in enumerate(rows)])
    write_csv("sdg_goals.csv", ["id", "name_en"],
              [[str(i + 1), one_line(g)] for i, g in enumerate(rows[:17])])
    write_csv("sdg_targets.csv", ["id", "goal", "text_en"],
              [[f"{i + 1}.1", str(i + 1), one_line(g)] for i, g in enumerate(rows[:17])])
    # One State per vector (ids in the range ISO leaves to users), named by the vector.
    state_ids = [f"X{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(len(vs))]
    write_csv("states.csv", ["id", "name_en", "aliases"],
              [[state_ids[i], v.replace("\n", " "), ""] for i, v in enumerate(vs)])
    # One recommendation per vector, so each is also tried alone.
    recs = [f"REC-{i}" for i in range(len(vs))]
    g = len(rows)
    write_csv("recommendations.csv",
              ["id", "document", "paragraph", "response", "recommending_states", "themes", "groups",
               "sdg_targets", "lead_institution", "partner_institutions", "cluster", "text_en"],
              [[recs[i], f"DOC-{i % g}", f"{i}.1", "supported", state_ids[i],
                f"theme-{i % g}", f"group-{i % g}", f"{i % 17 % g + 1}.1", institutions[i % g],
                institutions[(i + 1) % g], f"cluster-{i % g}", v]
               for i, v in enumerate(vs)])
    actions = [f"ACT-{i}" for i in range(len(rows))]
    write_csv("actions.csv",
              ["id", "title_en", "description_en", "recommendations", "lead_institution",
               "partner_institutions", "start_date", "due_date"],
              [[actions[i], one_line(grp), markdown(grp), recs[i], institutions[i],
                institutions[(i + 1) % g], "2023-03-01", "2026-12-31"]
               for i, grp in enumerate(rows)])
    statuses = ["not-started", "in-progress", "implemented"]
    write_csv("status_updates.csv",
              ["id", "date", "recommendation", "action", "status", "assessor", "institution",
               "organisation", "narrative_en", "evidence"],
              [[f"SU-{i}", "2024-06-30", recs[i], "", statuses[i % 3],
                ["government", "nhri", "civil-society"][i % 3], institutions[i % g],
                one_line(grp), markdown(grp), f"{url(i)}|{url(i + 1)}"]
               for i, grp in enumerate(rows)]
              + [[f"SU-A{i}", "2024-07-31", "", actions[i], statuses[(i + 1) % 3], "government",
                  institutions[i], "", markdown(grp), url(i)] for i, grp in enumerate(rows)])
    write_csv("indicators.csv",
              ["id", "kind", "name_en", "unit", "baseline", "baseline_date", "target",
               "target_date", "recommendations", "actions"],
              [[f"IND-{i}", "outcome", one_line(grp), one_line(grp), "10", "2020-12-31", "20",
                "2027-12-31", recs[i], actions[i]] for i, grp in enumerate(rows)])
    write_csv("measurements.csv", ["indicator", "date", "value", "source", "note_en"],
              [[f"IND-{i}", "2024-12-31", "15", one_line(grp), one_line(grp)]
               for i, grp in enumerate(rows)])
    write_csv("reporting_calendar.csv",
              ["id", "mechanism", "title_en", "due_date", "submitted_date", "document"],
              [[f"CAL-{i}", "UPR" if i == 0 else f"M{i}", one_line(grp), "2026-05-12", "", ""]
               for i, grp in enumerate(rows)])

    for i, grp in enumerate(rows):
        page = "+++\n" + f"title = {toml_string(one_line(grp))}\n" + f"weight = {i + 1}\n" + "+++\n"
        page += markdown(grp) + "\n"
        name = "about" if i == 0 else f"page-{i}"
        (OUT / "content" / f"{name}.en.md").write_text(page, encoding="utf-8")
    print(f"wrote {OUT} with {len(vs)} vectors")


main()
