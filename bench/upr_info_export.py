#!/usr/bin/env python3
"""Writes a synthetic UPR Info database export in the database's exact format, for the import
and scale benchmarks (BENCHMARKS.md): `;`-separated, UTF-8 with BOM, CRLF line ends, the
header `SuR;Rgrp;Org;Recommendation;RS;Rgrp;Org;Response;Action;Issue;Session`, the 193 UN
Member States under review with the spellings UPR Info uses (and the two observer States among
the recommending States), each reviewed once a cycle in sessions 1-40, one row per
recommending State (so a joint recommendation is several rows with one text), and some
quoted cells, with `;`, doubled quotes or a line break (also at the end, as real exports do).

Usage: bench/upr_info_export.py ROWS OUT.csv [--seed N]. About 1.4% of the recommendations
are joint (2 to 5 States), so 61,000 rows give about 59,000 recommendations. The same
arguments always write the same bytes. Not a test; nothing it writes is committed.
"""

import argparse
import random

HEADER = "SuR;Rgrp;Org;Recommendation;RS;Rgrp;Org;Response;Action;Issue;Session"

# The 193 UN Member States as OHCHR lists them.
MEMBER_STATES = [
    'Afghanistan', 'Albania', 'Algeria', 'Andorra', 'Angola', 'Antigua and Barbuda',
    'Argentina', 'Armenia', 'Australia', 'Austria', 'Azerbaijan', 'Bahamas', 'Bahrain',
    'Bangladesh', 'Barbados', 'Belarus', 'Belgium', 'Belize', 'Benin', 'Bhutan',
    'Bolivia (Plurinational State of)', 'Bosnia and Herzegovina', 'Botswana', 'Brazil',
    'Brunei Darussalam', 'Bulgaria', 'Burkina Faso', 'Burundi', 'Cabo Verde', 'Cambodia',
    'Cameroon', 'Canada', 'Central African Republic', 'Chad', 'Chile', 'China', 'Colombia',
    'Comoros', 'Congo', 'Costa Rica', "Côte d'Ivoire", 'Croatia', 'Cuba', 'Cyprus', 'Czechia',
    "Democratic People's Republic of Korea", 'Democratic Republic of the Congo', 'Denmark',
    'Djibouti', 'Dominica', 'Dominican Republic', 'Ecuador', 'Egypt', 'El Salvador',
    'Equatorial Guinea', 'Eritrea', 'Estonia', 'Eswatini', 'Ethiopia', 'Fiji', 'Finland',
    'France', 'Gabon', 'Gambia', 'Georgia', 'Germany', 'Ghana', 'Greece', 'Grenada',
    'Guatemala', 'Guinea', 'Guinea-Bissau', 'Guyana', 'Haiti', 'Honduras', 'Hungary',
    'Iceland', 'India', 'Indonesia', 'Iran (Islamic Republic of)', 'Iraq', 'Ireland', 'Israel',
    'Italy', 'Jamaica', 'Japan', 'Jordan', 'Kazakhstan', 'Kenya', 'Kiribati', 'Kuwait',
    'Kyrgyzstan', "Lao People's Democratic Republic", 'Latvia', 'Lebanon', 'Lesotho',
    'Liberia', 'Libya', 'Liechtenstein', 'Lithuania', 'Luxembourg', 'Madagascar', 'Malawi',
    'Malaysia', 'Maldives', 'Mali', 'Malta', 'Marshall Islands', 'Mauritania', 'Mauritius',
    'Mexico', 'Micronesia (Federated States of)', 'Monaco', 'Mongolia', 'Montenegro',
    'Morocco', 'Mozambique', 'Myanmar', 'Namibia', 'Nauru', 'Nepal',
    'Netherlands (Kingdom of the)', 'New Zealand', 'Nicaragua', 'Niger', 'Nigeria',
    'North Macedonia', 'Norway', 'Oman', 'Pakistan', 'Palau', 'Panama', 'Papua New Guinea',
    'Paraguay', 'Peru', 'Philippines', 'Poland', 'Portugal', 'Qatar', 'Republic of Korea',
    'Republic of Moldova', 'Romania', 'Russian Federation', 'Rwanda', 'Saint Kitts and Nevis',
    'Saint Lucia', 'Saint Vincent and the Grenadines', 'Samoa', 'San Marino',
    'Sao Tome and Principe', 'Saudi Arabia', 'Senegal', 'Serbia', 'Seychelles', 'Sierra Leone',
    'Singapore', 'Slovakia', 'Slovenia', 'Solomon Islands', 'Somalia', 'South Africa',
    'South Sudan', 'Spain', 'Sri Lanka', 'Sudan', 'Suriname', 'Sweden', 'Switzerland',
    'Syrian Arab Republic', 'Tajikistan', 'Thailand', 'Timor-Leste', 'Togo', 'Tonga',
    'Trinidad and Tobago', 'Tunisia', 'Türkiye', 'Turkmenistan', 'Tuvalu', 'Uganda', 'Ukraine',
    'United Arab Emirates', 'United Kingdom of Great Britain and Northern Ireland',
    'United Republic of Tanzania', 'United States of America', 'Uruguay', 'Uzbekistan',
    'Vanuatu', 'Venezuela (Bolivarian Republic of)', 'Viet Nam', 'Yemen', 'Zambia', 'Zimbabwe',
]

# Spelled as UPR Info's database spells them where it differs.
UPR_INFO_SPELLINGS = {
    "Bolivia (Plurinational State of)": "Bolivia",
    "Cabo Verde": "Cape Verde",
    "Democratic People's Republic of Korea": "DPR Korea",
    "Democratic Republic of the Congo": "DR Congo",
    "Eswatini": "Swaziland",
    "Iran (Islamic Republic of)": "Iran",
    "Lao People's Democratic Republic": "Laos",
    "Micronesia (Federated States of)": "Micronesia",
    "Netherlands (Kingdom of the)": "Netherlands",
    "North Macedonia": "Macedonia FYR",
    "Republic of Moldova": "Moldova",
    "Türkiye": "Turkey",
    "United Kingdom of Great Britain and Northern Ireland": "United Kingdom",
    "United Republic of Tanzania": "Tanzania",
    "United States of America": "United States",
    "Venezuela (Bolivarian Republic of)": "Venezuela",
    "Czechia": "Czech Republic",
}
OBSERVERS = ["Holy See", "Palestine"]
GROUPS = ["Africa", "Asia", "EEG", "GRULAC", "WEOG"]
ORGS = ["EU", "OAS, OEI", "OAS, OEI, ACS", "AU", "OIC", "ASEAN", "EU, OIF", "OIC, CIS",
        "Commonwealth", "AU, OIF", ""]
ISSUES = [
    "Disabilities", "International instruments", "Other", "Rights of the Child", "Labour",
    "Poverty", "Women's rights", "Human rights education and training", "Indigenous peoples",
    "Right to education", "Right to health", "General", "Treaty bodies", "Civil society",
    "UPR process", "Sexual Orientation and Gender Identity", "Death penalty", "Trafficking",
    "Justice", "Development", "Right to food", "ESC rights - general",
    "Enforced disappearances", "Torture and other CID treatment",
    "National Human Rights Institution", "Racial discrimination", "Detention",
    "Extrajudicial executions", "Impunity", "Freedom of religion and belief",
    "Human rights violations by state agents", "Corruption", "Minorities", "Right to land",
    "Migrants", "International humanitarian law",
    "Statelessness and the right to nationality", "Special procedures", "Privacy",
    "Freedom of the press", "Human rights defenders", "Freedom of opinion and expression",
    "Elections", "Asylum-seekers - refugees", "Environment",
]
VERBS = ["Ratify", "Adopt", "Strengthen", "Ensure", "Continue", "Consider", "Take measures to",
         "Redouble its efforts to", "Guarantee", "Establish", "Implement", "Intensify",
         "Step up efforts to", "Develop", "Promote", "Pursue"]
OBJECTS = [
    "the Optional Protocol to the Convention against Torture",
    "a national action plan on business and human rights",
    "the independence of the judiciary",
    "access to quality education for all children, including in rural areas",
    "an independent national preventive mechanism",
    "comprehensive legislation against all forms of discrimination",
    "the protection of human rights defenders and journalists",
    "the International Convention on the Protection of the Rights of All Migrant Workers",
    "measures to combat trafficking in persons, in particular women and children",
    "the national human rights institution in line with the Paris Principles",
    "programmes that reduce maternal and infant mortality",
    "the rights of indigenous peoples to their ancestral lands",
    "a moratorium on executions with a view to abolishing the death penalty",
    "investigations into all allegations of torture and ill-treatment",
    "the conditions of detention and reduce prison overcrowding",
    "gender equality in political and public life",
    "birth registration for every child",
    "the freedom of peaceful assembly and of association",
    "social protection for persons with disabilities",
    "cooperation with the special procedures of the Human Rights Council",
]
DETAILS = [
    "", "in line with its international obligations",
    "and allocate sufficient resources to this end", "with the participation of civil society",
    "as recommended during the previous cycle", "in consultation with the persons concerned",
    "with the technical assistance of OHCHR", "and report on progress at the next review",
]


def member_states():
    return [UPR_INFO_SPELLINGS.get(n, n) for n in MEMBER_STATES]


def reviews(states):
    """(session, State) for every review in sessions 1-40: each State once a cycle."""
    cycles = [(1, 12), (13, 26), (27, 40)]
    out = []
    for first, last in cycles:
        sessions = list(range(first, last + 1))
        for i, state in enumerate(states):
            out.append((sessions[i * len(sessions) // len(states)], state))
    return sorted(out)


def quoted(text):
    return '"' + text.replace('"', '""') + '"'


def text_cell(rng, n):
    verb, obj, detail = rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(DETAILS)
    text = f"{verb} {obj} {detail}".strip() + f" (measure {n})"
    kind = n % 97
    if kind == 0:
        return quoted(text.replace(" (", ";\r\n("))  # a line break inside
    if kind == 1:
        return quoted(text + "\r\n")  # a cell ending in a line break
    if kind == 2:
        return quoted(text.replace("measure", '"measure"'))
    if kind == 3:
        return quoted(text + "; follow up")
    return text


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    states = member_states()
    group = {s: GROUPS[i % len(GROUPS)] for i, s in enumerate(states + OBSERVERS)}
    org = {s: ORGS[i % len(ORGS)] for i, s in enumerate(states + OBSERVERS)}
    recommenders = states + OBSERVERS
    plan = reviews(states)
    per_review = args.rows / len(plan)
    written, n = 0, 0
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeff" + HEADER + "\r\n")
        for i, (session, state) in enumerate(plan):
            target = round((i + 1) * per_review)
            while written < target:
                n += 1
                joint = rng.randint(2, 5) if rng.random() < 0.0135 else 1
                text = text_cell(rng, n)
                response = rng.choices(["Supported", "Noted", "Supported/Noted", ""],
                                       [70, 26, 2, 2])[0]
                issues = ",".join(sorted(set(rng.sample(ISSUES, rng.randint(1, 3)))))
                action = rng.randint(1, 5)
                for rs in rng.sample([r for r in recommenders if r != state], joint):
                    f.write(f"{state};{group[state]};{org[state]};{text};{rs};{group[rs]};"
                            f"{org[rs]};{response};{action};{issues};{session}\r\n")
                    written += 1


if __name__ == "__main__":
    main()
