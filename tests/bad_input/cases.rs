//! The catalogue's cases, by kind of input.

use super::{Case, Change, case, replace, write};

fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    for unit in units {
        out.extend(if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

const URL_HELP: &str = "only http:// and https:// links are published";
const RESAVE: &str = "CSV UTF-8";
const CONTROL_HELP: &str = "control characters (other than tab and line breaks)";
const OUTSIDE_HELP: &str = "never follows links out of the portal";
const MECHANISMS_WITH_URL: &str = "id,kind,acronym,name_en,name_ar,url\nUPR,upr,UPR,Universal Periodic Review,,URL\nCAT,treaty-body,CAT,Committee against Torture,,\n";
const INSTITUTIONS_WITH_URL: &str = "id,kind,acronym,name_en,name_ar,url\nMOJ,ministry,MoJ,Ministry of Justice,,URL\nNHRI,nhri,,Human Rights Commission,,\n";

fn with_url(table: &str, url: &str) -> String {
    table.replace("URL", url)
}

pub fn config_cases() -> Vec<Case> {
    let base = |name, url: &str, message| {
        case(
            name,
            replace(
                "config.toml",
                "\"https://fixture.example/portal/\"",
                format!("'{url}'"),
            ),
            "config.toml:1:12",
            message,
            URL_HELP,
        )
    };
    vec![
        base(
            "base_url javascript",
            "javascript:alert(1)",
            "`javascript:` link",
        ),
        base(
            "base_url mixed-case scheme",
            "JaVaScRiPt:alert(1)",
            "`JaVaScRiPt:` link",
        ),
        base("base_url bare scheme", "http://", "has no host name"),
        base(
            "base_url with a space",
            "https://fix ture.example/",
            "a space",
        ),
        base("base_url file", "file:///etc/", "`file:` link"),
        base(
            "base_url with a quote",
            "https://fixture.example/\"><script>",
            "`\"`",
        ),
        base(
            "base_url relative",
            "/portal/",
            "not an absolute web address",
        ),
        base("base_url data", "data:text/html,x", "`data:` link"),
        case(
            "base_url with a query",
            replace(
                "config.toml",
                "\"https://fixture.example/portal/\"",
                "\"https://fixture.example/?portal=1\"",
            ),
            "config.toml:1:12",
            "has a query or fragment",
            "the folder the site is published in",
        ),
        case(
            "per_page zero",
            replace("config.toml", "per_page = 2", "per_page = 0"),
            "config.toml:5:12",
            "0 is out of range",
            "from 1 to 1000",
        ),
        case(
            "per_page huge",
            replace("config.toml", "per_page = 2", "per_page = 100000000000"),
            "config.toml:5:12",
            "out of range",
            "from 1 to 1000",
        ),
        case(
            "per_page negative",
            replace("config.toml", "per_page = 2", "per_page = -1"),
            "config.toml:5:12",
            "out of range",
            "from 1 to 1000",
        ),
        case(
            "stale_after_months zero",
            Change::Append("config.toml", "\n[tracking]\nstale_after_months = 0\n"),
            "config.toml:45:22",
            "out of range",
            "from 1 to 600",
        ),
        case(
            "due_soon_days too large",
            Change::Append("config.toml", "\n[tracking]\ndue_soon_days = 99999\n"),
            "config.toml:45:17",
            "out of range",
            "from 0 to 3650",
        ),
        case(
            "changes_days past any calendar",
            Change::Append(
                "config.toml",
                "\n[tracking]\nchanges_days = 9223372036854775807\n",
            ),
            "config.toml:45:16",
            "out of range",
            "from 1 to 3650",
        ),
        case(
            "theme leaves themes/",
            replace(
                "config.toml",
                "theme = \"default\"",
                "theme = \"../outside\"",
            ),
            "config.toml:4:9",
            "is not a folder name",
            "directly under themes/",
        ),
        case(
            "theme is an absolute path",
            replace("config.toml", "theme = \"default\"", "theme = \"/etc\""),
            "config.toml:4:9",
            "is not a folder name",
            "directly under themes/",
        ),
        case(
            "theme is a nested path",
            replace(
                "config.toml",
                "theme = \"default\"",
                "theme = \"default/templates\"",
            ),
            "config.toml:4:9",
            "is not a folder name",
            "directly under themes/",
        ),
        case(
            "theme does not exist",
            replace(
                "config.toml",
                "theme = \"default\"",
                "theme = \"nonexistent\"",
            ),
            "config.toml:4:9",
            "theme `nonexistent` not found",
            "a folder under themes/",
        ),
        case(
            "a language declared twice points at the second",
            Change::Append(
                "config.toml",
                "\n[[languages]]\ncode = \"en\"\nname = \"English again\"\n",
            ),
            "config.toml:45:8",
            "language `en` is declared twice",
            "one [[languages]] table per language",
        ),
        case(
            "language code with punctuation",
            replace("config.toml", "code = \"ar\"", "code = \"ar!\""),
            "config.toml:17:8",
            "`ar!` is not a language code",
            "BCP 47",
        ),
        case(
            "default language not configured",
            replace(
                "config.toml",
                "default_language = \"en\"",
                "default_language = \"fr\"",
            ),
            "config.toml:2:20",
            "default_language `fr` is not one of the configured languages",
            "set default_language",
        ),
        case(
            "title in an undeclared language",
            replace("config.toml", "[title]\n", "[title]\nfr = \"Suivi\"\n"),
            "config.toml:8:6",
            "title has text for `fr`",
            "configured languages: en, ar",
        ),
        case(
            "status colour is not a colour",
            replace("config.toml", "colour = \"#93370d\"", "colour = \"red\""),
            "config.toml:30:10",
            "colour `red` of status `in-progress`",
            "#067647",
        ),
        case(
            "status colour smuggles CSS",
            replace(
                "config.toml",
                "colour = \"#93370d\"",
                "colour = \"#fff;background:url(https://x.example/)\"",
            ),
            "config.toml:30:10",
            "is not #rgb or #rrggbb",
            "#067647",
        ),
        case(
            "status id declared twice",
            replace(
                "config.toml",
                "id = \"in-progress\"",
                "id = \"not-started\"",
            ),
            "config.toml:29:6",
            "status `not-started` is declared twice",
            "must be unique",
        ),
        case(
            "licence url is a script",
            Change::Append(
                "config.toml",
                "\n[license]\nname = \"CC-BY-4.0\"\ntitle = \"CC BY 4.0\"\nurl = \"javascript:alert(1)\"\n",
            ),
            "config.toml:47:7",
            "`javascript:` link",
            URL_HELP,
        ),
        case(
            "unknown setting",
            replace(
                "config.toml",
                "per_page = 2",
                "per_page = 2\ncolour_scheme = 1",
            ),
            "config.toml:6:1",
            "unknown field `colour_scheme`",
            "docs/data.md",
        ),
        case(
            "as_of is not a date",
            replace(
                "config.toml",
                "as_of = \"2025-12-31\"",
                "as_of = \"2025-13-45\"",
            ),
            "config.toml:3:9",
            "is not a date",
            "docs/data.md",
        ),
        case(
            "as_of in another century",
            replace(
                "config.toml",
                "as_of = \"2025-12-31\"",
                "as_of = \"2525-12-31\"",
            ),
            "config.toml:3:9",
            "outside the years 1900–2199",
            "check the year",
        ),
        case(
            "unclosed string",
            replace("config.toml", "theme = \"default\"", "theme = \"default"),
            "config.toml:4:",
            "",
            "docs/data.md",
        ),
    ]
}

pub fn url_cases() -> Vec<Case> {
    let document = |name, url: &str, message| {
        case(
            name,
            replace(
                "data/documents.csv",
                "https://undocs.org/A/HRC/52/11",
                url.to_string(),
            ),
            "data/documents.csv:2:8",
            message,
            URL_HELP,
        )
    };
    vec![
        document(
            "document url javascript",
            "javascript:alert(1)",
            "`javascript:` link",
        ),
        document(
            "document url data",
            "\"data:text/html,<script>alert(1)</script>\"",
            "contains `<`",
        ),
        document(
            "document url with a tab",
            "\"java\tscript:alert(1)\"",
            "U+0009",
        ),
        document(
            "document url vbscript",
            "vbscript:msgbox(1)",
            "`vbscript:` link",
        ),
        document("document url bare scheme", "http://", "has no host name"),
        document(
            "document url with a space",
            "https://undocs.org/A HRC",
            "a space",
        ),
        document(
            "document url protocol-relative",
            "//evil.example/x",
            "not an absolute",
        ),
        document(
            "document url attribute break-out",
            "\"https://undocs.org/\"\"onmouseover=alert(1)\"",
            "`\"`",
        ),
        case(
            "mechanism url file",
            write(
                "data/mechanisms.csv",
                with_url(MECHANISMS_WITH_URL, "file:///etc/passwd"),
            ),
            "data/mechanisms.csv:2:6",
            "`file:` link",
            URL_HELP,
        ),
        case(
            "institution url with a user name",
            write(
                "data/institutions.csv",
                with_url(
                    INSTITUTIONS_WITH_URL,
                    "https://justice.example@evil.example/",
                ),
            ),
            "data/institutions.csv:2:6",
            "user name",
            URL_HELP,
        ),
        case(
            "evidence javascript",
            replace(
                "data/status_updates.csv",
                "https://justice.fixture.example/opcat",
                "JAVASCRIPT:alert(1)",
            ),
            "data/status_updates.csv:3:11",
            "`JAVASCRIPT:` link",
            URL_HELP,
        ),
        case(
            "second evidence link is a data URL",
            replace(
                "data/status_updates.csv",
                "https://justice.fixture.example/opcat",
                "\"https://ok.example/|data:image/svg+xml;base64,PHN2Zz4=\"",
            ),
            "data/status_updates.csv:3:11",
            "`data:` link",
            URL_HELP,
        ),
    ]
}

pub fn cell_cases() -> Vec<Case> {
    vec![
        case(
            "NUL in a recommendation's text",
            replace("data/recommendations.csv", "Ratify the", "Ratify\0 the"),
            "data/recommendations.csv:2:13",
            "U+0000",
            CONTROL_HELP,
        ),
        case(
            "escape character in a mechanism name",
            replace(
                "data/mechanisms.csv",
                "Committee against",
                "Committee\u{1b} against",
            ),
            "data/mechanisms.csv:3:4",
            "U+001B",
            CONTROL_HELP,
        ),
        case(
            "C1 control in a theme name",
            replace(
                "data/themes.csv",
                "torture,civil,Torture",
                "torture,civil,Tor\u{85}ture",
            ),
            "data/themes.csv:3:3",
            "U+0085",
            CONTROL_HELP,
        ),
        case(
            "DEL in an id",
            replace("data/groups.csv", "detainees,", "detain\u{7f}ees,"),
            "data/groups.csv:2:1",
            "U+007F",
            CONTROL_HELP,
        ),
        case(
            "bell in a narrative",
            replace(
                "data/status_updates.csv",
                "Consultations began.",
                "Consultations\u{7} began.",
            ),
            "data/status_updates.csv:2:9",
            "U+0007",
            CONTROL_HELP,
        ),
        case(
            "vertical tab in a cluster name",
            replace(
                "data/clusters.csv",
                "Torture prevention",
                "Torture\u{b}prevention",
            ),
            "data/clusters.csv:2:2",
            "U+000B",
            CONTROL_HELP,
        ),
    ]
}

pub fn file_kind_cases() -> Vec<Case> {
    let themes = "id,parent,name_en,name_ar\ncivil,,Civil rights,\ntorture,civil,Torture,\n";
    let groups = "id,name_en,name_ar\ndetainees,Detainees,\n";
    let institutions =
        "id,kind,acronym,name_en,name_ar\nMOJ,ministry,MoJ,Justice,\nNHRI,nhri,,Commission,\n";
    vec![
        case(
            "UTF-16 with byte order mark",
            write("data/themes.csv", utf16(themes, true, true)),
            "data/themes.csv",
            "UTF-16 \"Unicode text\" (with a byte order mark)",
            RESAVE,
        ),
        case(
            "UTF-16 without byte order mark",
            write("data/groups.csv", utf16(groups, true, false)),
            "data/groups.csv",
            "UTF-16 \"Unicode text\" (without a byte order mark)",
            RESAVE,
        ),
        case(
            "UTF-16 big-endian",
            write("data/institutions.csv", utf16(institutions, false, true)),
            "data/institutions.csv",
            "UTF-16",
            RESAVE,
        ),
        case(
            "Latin-1",
            write(
                "data/mechanisms.csv",
                &b"id,kind,acronym,name_en,name_ar\nUPR,upr,UPR,R\xe9vision,\nCAT,treaty-body,CAT,CAT,\n"[..],
            ),
            "data/mechanisms.csv:2:4",
            "Latin-1/Windows-1252",
            RESAVE,
        ),
        case(
            "Windows-1252 smart quotes",
            replace_bytes_case(),
            "data/clusters.csv:2:2",
            "`“`",
            RESAVE,
        ),
        case(
            "xlsx saved as csv",
            write(
                "data/mechanisms.csv",
                &b"PK\x03\x04\x14\x00\x06\x00\x08\x00[Content_Types].xml\x00\x01\x02"[..],
            ),
            "data/mechanisms.csv",
            "an Excel workbook (.xlsx)",
            RESAVE,
        ),
        case(
            "ods saved as csv",
            write(
                "data/documents.csv",
                &b"PK\x03\x04\x0a\x00\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet"[..],
            ),
            "data/documents.csv",
            "OpenDocument spreadsheet (.ods)",
            RESAVE,
        ),
        case(
            "old xls saved as csv",
            write("data/sdg_goals.csv", &b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00"[..]),
            "data/sdg_goals.csv",
            "old Excel workbook (.xls)",
            RESAVE,
        ),
        case(
            "PDF saved as csv",
            write("data/recommendations.csv", &b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"[..]),
            "data/recommendations.csv",
            "a PDF document",
            RESAVE,
        ),
        case(
            "other binary saved as csv",
            write("data/status_updates.csv", (0u8..64).collect::<Vec<u8>>()),
            "data/status_updates.csv",
            "a binary file",
            RESAVE,
        ),
        case(
            "content page in Latin-1",
            write(
                "content/about.en.md",
                &b"+++\ntitle = \"About\"\n+++\nCaf\xe9\n"[..],
            ),
            "content/about.en.md",
            "is not UTF-8",
            "UTF-8",
        ),
    ]
}

fn replace_bytes_case() -> Change {
    write(
        "data/clusters.csv",
        &b"id,name_en,name_ar\ntorture-prevention,\x93Torture\x94 prevention,\n"[..],
    )
}

pub fn structure_cases() -> Vec<Case> {
    vec![
        case(
            "a row with a cell too many",
            Change::Append("data/themes.csv", "health,,Health,,extra\n"),
            "data/themes.csv:4:5",
            "this row has 5 cells but the header has 4",
            "must be quoted",
        ),
        case(
            "a stray semicolon instead of commas",
            Change::Append("data/themes.csv", "health;;Health;\n"),
            "data/themes.csv:4:2",
            "this row has 1 cells but the header has 4",
            "must be quoted",
        ),
        case(
            "an unclosed quote runs to the end of the file",
            Change::Append("data/themes.csv", "health,,\"Health\nwater,,Water,\n"),
            "data/themes.csv:4:3",
            "a `\"` opened in this row is never closed",
            "close the quote",
        ),
        case(
            "unknown column",
            replace(
                "data/groups.csv",
                "id,name_en,name_ar",
                "id,name_en,nmae_ar",
            ),
            "data/groups.csv:1:3",
            "unknown column `nmae_ar`",
            "did you mean `name_ar`?",
        ),
        case(
            "a column without a name",
            replace("data/clusters.csv", "id,name_en,name_ar", "id,,name_ar"),
            "data/clusters.csv:1:2",
            "column 2 has no name",
            "name the column",
        ),
        case(
            "an empty table",
            write("data/sdg_targets.csv", ""),
            "data/sdg_targets.csv:1:1",
            "the file is empty",
            "name the columns",
        ),
        case(
            "an unknown table",
            write("data/recomendations.csv", "id\nx\n"),
            "data/recomendations.csv",
            "unknown table",
            "did you mean `recommendations.csv`?",
        ),
    ]
}

pub fn value_cases() -> Vec<Case> {
    vec![
        case(
            "SDG goal 18",
            Change::Append("data/sdg_goals.csv", "18,Beyond the goals,\n"),
            "data/sdg_goals.csv:3:1",
            "`18` is not an SDG goal",
            "the goal's number",
        ),
        case(
            "SDG goal 0",
            Change::Append("data/sdg_goals.csv", "0,Zero,\n"),
            "data/sdg_goals.csv:3:1",
            "goals are numbered 1 to 17",
            "the goal's number",
        ),
        case(
            "cycle 0",
            replace("data/documents.csv", ",2023-01-04,4,", ",2023-01-04,0,"),
            "data/documents.csv:2:5",
            "cycle `0` is not a whole number from 1 to 99",
            "UPR cycle",
        ),
        case(
            "cycle beyond u32",
            replace(
                "data/documents.csv",
                ",2023-01-04,4,",
                ",2023-01-04,99999999999,",
            ),
            "data/documents.csv:2:5",
            "is not a whole number",
            "UPR cycle",
        ),
        case(
            "a date before 1900",
            replace("data/documents.csv", "2023-01-04", "1800-01-04"),
            "data/documents.csv:2:4",
            "outside the years 1900–2199",
            "YYYY-MM-DD",
        ),
        case(
            "a date that does not exist",
            replace("data/documents.csv", "2023-01-04", "2023-02-30"),
            "data/documents.csv:2:4",
            "is not a valid date",
            "YYYY-MM-DD",
        ),
        case(
            "a five-digit year",
            replace("data/status_updates.csv", "2023-06-30", "20230-06-30"),
            "data/status_updates.csv:2:2",
            "is not a valid date",
            "YYYY-MM-DD",
        ),
        case(
            "a status outside the scale",
            replace(
                "data/status_updates.csv",
                ",implemented,government",
                ",finished,government",
            ),
            "data/status_updates.csv:3:5",
            "`finished` is not a status of the scale",
            "",
        ),
        case(
            "an unknown assessor",
            replace(
                "data/status_updates.csv",
                "civil-society,,Prison Watch",
                "public,,Prison Watch",
            ),
            "data/status_updates.csv:6:6",
            "`public` is not a valid `assessor`",
            "accepted:",
        ),
        case(
            "an unknown response",
            replace(
                "data/recommendations.csv",
                ",118.2,noted,",
                ",118.2,ignored,",
            ),
            "data/recommendations.csv:3:4",
            "`ignored` is not a valid `response`",
            "accepted:",
        ),
        case(
            "a reference to an unknown document",
            replace(
                "data/recommendations.csv",
                "UPR4-118.1,A/HRC/52/11",
                "UPR4-118.1,A/HRC/52/12",
            ),
            "data/recommendations.csv:2:2",
            "A/HRC/52/12",
            "did you mean `A/HRC/52/11`?",
        ),
        case(
            "an id that climbs out of the output folder",
            Change::Append("data/themes.csv", "../etc,,Escape,\n"),
            "data/themes.csv:4:1",
            "",
            "Identifiers and permanent URLs",
        ),
        case(
            "an update after the as-of date",
            replace("data/status_updates.csv", "2025-01-15", "2026-01-15"),
            "data/status_updates.csv:6:2",
            "after the as-of date",
            "",
        ),
    ]
}

pub fn content_cases() -> Vec<Case> {
    vec![
        case(
            "front matter never closed",
            write("content/about.en.md", "+++\ntitle = \"About\"\nText\n"),
            "content/about.en.md:1:1",
            "the front matter is not closed",
            "`+++`",
        ),
        case(
            "no front matter",
            write("content/about.en.md", "Just text\n"),
            "content/about.en.md:1:1",
            "does not start with `+++`",
            "start the file with",
        ),
        case(
            "unknown front matter key",
            write(
                "content/about.en.md",
                "+++\ntitle = \"About\"\ncolour = 1\n+++\nText\n",
            ),
            "content/about.en.md:3:1",
            "unknown field `colour`",
            "`title` (required)",
        ),
        case(
            "front matter without a title",
            write("content/about.en.md", "+++\nweight = 1\n+++\nText\n"),
            "content/about.en.md:2:1",
            "missing field `title`",
            "`title` (required)",
        ),
        case(
            "NUL in a page",
            write(
                "content/about.en.md",
                "+++\ntitle = \"About\"\n+++\nSome\0text\n",
            ),
            "content/about.en.md:4:5",
            "U+0000",
            CONTROL_HELP,
        ),
        case(
            "page in an undeclared language",
            write(
                "content/about.fr.md",
                "+++\ntitle = \"À propos\"\n+++\nTexte\n",
            ),
            "content/about.fr.md",
            "",
            "about.{lang}.md",
        ),
        case(
            "page name with capitals",
            write(
                "content/About-Us.en.md",
                "+++\ntitle = \"About\"\n+++\nText\n",
            ),
            "content/About-Us.en.md",
            "cannot be a page URL",
            "lower-case letters",
        ),
        case(
            "page named like a generated section",
            write(
                "content/recommendations.en.md",
                "+++\ntitle = \"Mine\"\n+++\nText\n",
            ),
            "content/recommendations.en.md",
            "is a generated section",
            "another file name",
        ),
        case(
            "page without a language",
            write("content/about.md", "+++\ntitle = \"About\"\n+++\nText\n"),
            "content/about.md",
            "needs a language in its name",
            "about.en.md",
        ),
    ]
}

pub fn path_cases() -> Vec<Case> {
    let mut cases = vec![
        case(
            "template override uses an undefined value",
            write("templates/page.html", "<p>{{ page.no_such_value }}</p>\n"),
            "templates/page.html:1:",
            "Field `no_such_value` is not defined",
            "docket check",
        ),
        case(
            "template override with a syntax error",
            write("templates/page.html", "{% if %}\n"),
            "templates/page.html:1:",
            "",
            "syntax",
        ),
    ];
    if cfg!(unix) {
        cases.extend([
            case(
                "content page linked from outside",
                Change::LinkOutside("content/secret.en.md"),
                "content/secret.en.md",
                "outside the portal",
                OUTSIDE_HELP,
            ),
            case(
                "static folder linked from outside",
                Change::LinkOutside("static"),
                "static",
                "outside the portal",
                OUTSIDE_HELP,
            ),
            case(
                "template linked from outside",
                Change::LinkOutside("templates"),
                "templates",
                "outside the portal",
                OUTSIDE_HELP,
            ),
            case(
                "table linked from outside",
                Change::LinkOutside("data/themes.csv"),
                "data/themes.csv",
                "outside the portal",
                OUTSIDE_HELP,
            ),
            case(
                "theme file linked from outside",
                Change::LinkOutside("themes/default/static/extra.css"),
                "themes/default/static/extra.css",
                "outside the portal",
                OUTSIDE_HELP,
            ),
        ]);
    }
    cases
}
