#!/usr/bin/env python3
"""Writes src/model/states/default_states.csv, the States table built into Docket.

Run once when the sources change, not at build time:

    python3 scripts/default_states.py COUNTRY_CODES_CSV UNTERM_SHORT_CSV > src/model/states/default_states.csv

COUNTRY_CODES_CSV is `data/country-codes.csv` of https://github.com/datasets/country-codes
(Open Data Commons PDDL). Its `UNTERM <Language> Short` columns are the UN terminology
database's short names, `official_name_*` the UN Statistics Division's M49 names and
`CLDR display name` the Unicode CLDR English name. UNTERM_SHORT_CSV is an extract of the
same table (`id,en,fr,es,ar,ru,zh,formal_en,cldr_en,m49`), one row per UNTERM State.

The table holds the 193 UN Member States and the two observer States (Holy See, State of
Palestine). The Cook Islands and Niue have UNTERM rows but are not Member States: left out.
The regional groups and aliases are written here, below.
"""

import csv
import re
import sys
import unicodedata

LANGS = ["en", "fr", "es", "ar", "ru", "zh"]
# official_name_* column suffix per language.
OFFICIAL = {"en": "en", "fr": "fr", "es": "es", "ar": "ar", "ru": "ru", "zh": "cn"}
NOT_MEMBERS = {"COK", "NIU"}

GROUPS = {
    "african": """DZA AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COG COD CIV DJI EGY GNQ ERI SWZ
        ETH GAB GMB GHA GIN GNB KEN LSO LBR LBY MDG MWI MLI MRT MUS MAR MOZ NAM NER NGA RWA STP
        SEN SYC SLE SOM ZAF SSD SDN TGO TUN UGA TZA ZMB ZWE""",
    "asia-pacific": """AFG BHR BGD BTN BRN KHM CHN CYP PRK FJI IND IDN IRN IRQ JPN JOR KAZ KIR
        KWT KGZ LAO LBN MYS MDV MHL FSM MNG MMR NRU NPL OMN PAK PLW PNG PHL QAT KOR WSM SAU SGP
        SLB LKA SYR TJK THA TLS TON TKM TUV ARE UZB VUT VNM YEM PSE""",
    "eastern-european": """ALB ARM AZE BLR BIH BGR HRV CZE EST GEO HUN LVA LTU MNE MKD POL MDA
        ROU RUS SRB SVK SVN UKR""",
    "latin-american-caribbean": """ATG ARG BHS BRB BLZ BOL BRA CHL COL CRI CUB DMA DOM ECU SLV
        GRD GTM GUY HTI HND JAM MEX NIC PAN PRY PER KNA LCA VCT SUR TTO URY VEN""",
    # The United States belongs to no group and attends WEOG as an observer: listed here.
    "western-european-other": """AND AUS AUT BEL CAN DNK FIN FRA DEU GRC ISL IRL ISR ITA LIE
        LUX MLT MCO NLD NZL NOR PRT SMR ESP SWE CHE TUR GBR USA""",
}

# Other names that resolve to a State: the UPR Info database's spellings, OHCHR's, common
# short and former names. Docket also matches every name of the table, the UNTERM formal
# name and the CLDR name, ignoring case, accents, punctuation and a leading "the".
ALIASES = {
    "ARE": ["UAE"],
    "ATG": ["Antigua"],
    "BHS": ["The Bahamas"],
    "BIH": ["Bosnia"],
    "BOL": ["Bolivia"],
    "BRN": ["Brunei"],
    "CAF": ["CAR"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire"],
    "COD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo (Democratic Republic of the)",
            "Congo-Kinshasa", "Zaire"],
    "COG": ["Republic of the Congo", "Republic of Congo", "Congo-Brazzaville"],
    "CPV": ["Cape Verde"],
    "CZE": ["Czech Republic"],
    "FSM": ["Micronesia"],
    "GBR": ["UK", "United Kingdom", "Great Britain", "Britain"],
    "GMB": ["The Gambia"],
    "IRN": ["Iran"],
    "KGZ": ["Kyrgyz Republic"],
    "KNA": ["St Kitts and Nevis", "Saint Kitts"],
    "KOR": ["Korea", "South Korea", "Korea (Republic of)"],
    "LAO": ["Laos", "Lao PDR", "Lao"],
    "LBY": ["Libyan Arab Jamahiriya"],
    "LCA": ["St Lucia"],
    "MDA": ["Moldova"],
    "MKD": ["Macedonia", "Macedonia FYR", "FYR Macedonia", "FYROM",
            "The former Yugoslav Republic of Macedonia"],
    "MMR": ["Burma"],
    "NLD": ["Netherlands (Kingdom of the)", "Holland"],
    "PRK": ["DPRK", "North Korea", "DPR Korea", "Korea (Democratic People's Republic of)"],
    "PSE": ["Palestine", "State of Palestine"],
    "RUS": ["Russia"],
    "STP": ["Sao Tome", "Sao Tome and Principe"],
    "SVK": ["Slovak Republic"],
    "SWZ": ["Swaziland"],
    "SYR": ["Syria"],
    "TLS": ["East Timor"],
    "TTO": ["Trinidad"],
    "TUR": ["Turkey", "Republic of Türkiye"],
    "TZA": ["Tanzania"],
    "USA": ["USA", "US", "United States", "America"],
    "VAT": ["Holy See", "Vatican", "Vatican City", "Vatican City State"],
    "VCT": ["St Vincent and the Grenadines", "Saint Vincent"],
    "VEN": ["Venezuela"],
    "VNM": ["Vietnam"],
}

# The M49 English name in the source has "Ivory Coast"; the UN writes "Côte d'Ivoire".
OVERRIDE = {("CIV", "en"): "Côte d'Ivoire"}

ARTICLE = re.compile(r"\s*\((the|le|la|les|l'|el|los|las)\)\s*$")


def clean(name):
    """UNTERM's marks and articles off: `Bahamas (the)` is `Bahamas`, `Holy See (the) *` is
    `Holy See`."""
    name = name.replace("\u2019", "'").strip().rstrip("*").strip()
    name = ARTICLE.sub("", name)
    return name.strip()


def fold(name):
    """The matching key Docket uses (src/model/states/names.rs), to drop repeated aliases."""
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def main():
    codes = {row["ISO3166-1-Alpha-3"]: row for row in csv.DictReader(open(sys.argv[1], encoding="utf-8"))}
    unterm = {row["id"]: row for row in csv.DictReader(open(sys.argv[2], encoding="utf-8"))}
    group_of = {}
    for group, ids in GROUPS.items():
        for state in ids.split():
            assert state not in group_of, state
            group_of[state] = group
    rows = []
    ids = sorted((set(unterm) - NOT_MEMBERS) | {"TUR", "CIV"})
    for state in ids:
        source = codes[state]
        names = {}
        for lang in LANGS:
            if state in unterm:
                names[lang] = clean(unterm[state][lang])
            else:
                names[lang] = clean(source["official_name_" + OFFICIAL[lang]])
            names[lang] = OVERRIDE.get((state, lang), names[lang])
        others = ALIASES.get(state, []) + [
            clean(source["official_name_en"]),
            source["CLDR display name"],
            clean(unterm[state]["formal_en"]) if state in unterm else "",
        ]
        seen = {fold(n) for n in names.values()} | {fold(state)}
        aliases = []
        for other in others:
            other = re.sub(r"^the ", "", other.strip())
            if other and fold(other) not in seen:
                seen.add(fold(other))
                aliases.append(other)
        rows.append([state] + [names[lang] for lang in LANGS] + [group_of.get(state, ""), "|".join(aliases)])
    assert len(rows) == 195, len(rows)
    assert set(group_of) <= set(ids), set(group_of) - set(ids)
    missing = [r[0] for r in rows if not r[7] and r[0] != "VAT"]
    assert not missing, missing
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["id"] + ["name_" + lang for lang in LANGS] + ["group", "aliases"])
    out.writerows(rows)
    counts = {g: sum(1 for r in rows if r[7] == g) for g in GROUPS}
    print(counts, file=sys.stderr)


main()
