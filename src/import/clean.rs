//! Text cleaning applied to every imported text: what exports add around a recommendation
//! (HTML entities and tags, carriage returns, runs of spaces, the paragraph number in the
//! numbering style of each language, a section heading glued on) is taken off, so that the
//! same recommendation reads and matches the same whatever file it came from.

/// A recommendation text as cleaned: the paragraph number and a glued heading split off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The leading paragraph number with ASCII digits and `.` between its parts
    /// (`127-179` and `١٢٧-١٧٩` give `127.179`).
    pub paragraph: Option<String>,
    /// A section heading the export glued before the number (`Droits des femmes` in
    /// `Droits des femmes18.Le Comité …`).
    pub heading: Option<String>,
    pub text: String,
}

/// Cleans a recommendation text and splits off its paragraph number and glued heading.
pub fn recommendation(raw: &str) -> Cleaned {
    let text = text(raw);
    if let Some((paragraph, rest)) = leading_number(&text) {
        return Cleaned {
            paragraph: Some(paragraph),
            heading: None,
            text: rest.to_string(),
        };
    }
    if let Some((heading, paragraph, rest)) = glued_heading(&text) {
        return Cleaned {
            paragraph: Some(paragraph),
            heading: Some(heading.to_string()),
            text: rest.to_string(),
        };
    }
    Cleaned {
        paragraph: None,
        heading: None,
        text,
    }
}

/// Cleans a text that may span lines: tags stripped (`<br>` and block ends become line
/// breaks), entities decoded, CR and CRLF made LF, spaces (also no-break spaces) collapsed
/// within lines, and blank-line runs reduced to one blank line.
pub fn text(raw: &str) -> String {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    let decoded = decode_entities(&strip_tags(&unified));
    let mut out = String::with_capacity(decoded.len());
    let mut blank_pending = false;
    for line in decoded.split('\n') {
        let line = collapse_spaces(line);
        if line.is_empty() {
            blank_pending = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_pending { "\n\n" } else { "\n" });
        }
        blank_pending = false;
        out.push_str(&line);
    }
    out
}

/// Cleans a one-line value (a theme, a State's name): as [`text`], with line breaks as spaces.
pub fn line(raw: &str) -> String {
    collapse_spaces(&text(raw).replace('\n', " "))
}

/// Whitespace runs (and the invisible marks exports leave) as one space, trimmed.
fn collapse_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        if matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{200E}' | '\u{200F}') {
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// Removes `<tag …>` and `</tag>`; `<br>`, `</p>`, `</div>` and `</li>` become line breaks.
/// A `<` not opening a tag (`a < b`) stays.
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let opens_tag =
            after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match after.find('>').filter(|_| opens_tag) {
            Some(end) => {
                let name: String = after[..end]
                    .trim_start_matches('/')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect::<String>()
                    .to_ascii_lowercase();
                let closing = after.starts_with('/');
                if name == "br" || (closing && matches!(name.as_str(), "p" | "div" | "li")) {
                    out.push('\n');
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Named entities found in exports; numeric ones (`&#39;`, `&#x2019;`) are decoded too.
const ENTITIES: &[(&str, char)] = &[
    ("nbsp", '\u{A0}'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("rsquo", '’'),
    ("lsquo", '‘'),
    ("rdquo", '”'),
    ("ldquo", '“'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("ecirc", 'ê'),
    ("agrave", 'à'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("ccedil", 'ç'),
    ("iacute", 'í'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("uacute", 'ú'),
    ("ntilde", 'ñ'),
    ("Eacute", 'É'),
    ("deg", '°'),
];

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let decoded = after
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| Some((entity(&after[..end])?, end)));
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace());
    }
    ENTITIES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// The value of a decimal digit in ASCII, Arabic-Indic, Eastern Arabic-Indic or fullwidth.
fn digit(c: char) -> Option<char> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{660}'..='\u{669}' => '\u{660}',
        '\u{6F0}'..='\u{6F9}' => '\u{6F0}',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        _ => return None,
    };
    char::from_digit(c as u32 - zero as u32, 10)
}

/// Characters that separate the parts of a number (`132.90`, `127-179`, `١٢٧-١٧٩`).
fn is_part_separator(c: char) -> bool {
    matches!(c, '.' | '-' | '‑' | '–' | '．' | '٫')
}

/// Characters that end a number before its text (`4.`, `4)`, `4、`, `4。`).
fn is_number_end(c: char) -> bool {
    matches!(c, '.' | ')' | '．' | '、' | '。' | ':')
}

/// Reads a number at the start of `text`: digit runs joined by separators. Gives the
/// number in ASCII with `.` between parts, how many parts it has, and the rest of `text`.
fn number_at(text: &str) -> Option<(String, usize, &str)> {
    let mut number = String::new();
    let mut parts = 0;
    let mut end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some(&(i, c)) = chars.peek() {
        if let Some(d) = digit(c) {
            if number.is_empty() || number.ends_with('.') {
                parts += 1;
            }
            number.push(d);
            end = i + c.len_utf8();
            chars.next();
        } else if is_part_separator(c) && !number.is_empty() && !number.ends_with('.') {
            let next = text[i + c.len_utf8()..].chars().next();
            if next.is_none_or(|n| digit(n).is_none()) {
                break;
            }
            number.push('.');
            chars.next();
        } else {
            break;
        }
    }
    (parts > 0).then(|| (number, parts, &text[end..]))
}

/// The paragraph number that starts a text, in any of the styles exports use: `132.90 Text`,
/// `127-179 Text`, `4. Text`, `4.Text`, `-90   Text`, the same with Arabic-Indic digits.
/// A bare number counts only when a `.` or `)` ends it (`2030 Agenda` is not one).
fn leading_number(text: &str) -> Option<(String, &str)> {
    let dashed = text.strip_prefix(['-', '–']).map(str::trim_start);
    let (number, parts, rest) = number_at(dashed.unwrap_or(text))?;
    let ended = rest.chars().next().filter(|&c| is_number_end(c));
    let after_end = ended.map_or(rest, |c| &rest[c.len_utf8()..]);
    let spaced = after_end.starts_with(char::is_whitespace);
    let accepted = match (ended, parts) {
        (Some(_), _) => true,
        (None, 1) => dashed.is_some() && spaced,
        (None, _) => spaced,
    };
    let text = after_end.trim_start();
    // `4.5 million children`: after a number with no end mark, the text must start like a
    // sentence (not in lower case, not with a digit).
    let sentence_start = text
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii_digit() && (ended.is_some() || !c.is_lowercase()));
    (accepted && sentence_start).then_some((number, text))
}

/// A heading glued before the paragraph number: `Droits des femmes18.Le Comité …` gives
/// (`Droits des femmes`, `18`, `Le Comité …`). The heading must be short, hold no sentence
/// punctuation and end in a letter touching the number; the text after must start with a
/// capital letter (or a letter of a script without case).
fn glued_heading(text: &str) -> Option<(&str, String, &str)> {
    let (start, _) = text
        .char_indices()
        .take(160)
        .find(|&(_, c)| digit(c).is_some())?;
    let heading = &text[..start];
    let last = heading.chars().last()?;
    // A capital before the number is an acronym (`COVID19`), not the end of a heading.
    if !last.is_alphabetic()
        || last.is_uppercase()
        || heading.chars().count() < 3
        || heading.contains(['.', ';', ':', '。', '!', '?', ','])
    {
        return None;
    }
    let (number, parts, rest) = number_at(&text[start..])?;
    let rest = rest.strip_prefix(['.', '．'])?;
    let rest = rest.trim_start();
    let first = rest.chars().next()?;
    let starts_sentence = first.is_uppercase() || (first.is_alphabetic() && !first.is_lowercase());
    (parts == 1 && starts_sentence).then(|| (heading.trim_end(), number, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(raw: &str) -> (Option<&'static str>, String) {
        let cleaned = recommendation(raw);
        (
            cleaned.paragraph.map(|p| &*Box::leak(p.into_boxed_str())),
            cleaned.text,
        )
    }

    #[test]
    fn entities_are_decoded_in_every_language() {
        assert_eq!(
            text("Ratify the&nbsp;Optional Protocol to the Convention against Torture"),
            "Ratify the Optional Protocol to the Convention against Torture"
        );
        assert_eq!(
            text(
                "Ratifier le Protocole facultatif &agrave; la Convention contre la torture &amp; les peines"
            ),
            "Ratifier le Protocole facultatif à la Convention contre la torture & les peines"
        );
        assert_eq!(
            text("Adoptar la ley de &#8220;protecci&oacute;n integral&#8221; de las mujeres"),
            "Adoptar la ley de “protección integral” de las mujeres"
        );
        assert_eq!(
            text("التصديق على&nbsp;البروتوكول الاختياري &#x644;اتفاقية"),
            "التصديق على البروتوكول الاختياري لاتفاقية"
        );
        assert_eq!(
            text("Ратифицировать&nbsp;Факультативный протокол &laquo;к Конвенции&raquo;"),
            "Ратифицировать Факультативный протокол «к Конвенции»"
        );
        assert_eq!(
            text("批准&nbsp;《禁止酷刑公约任择议定书》"),
            "批准 《禁止酷刑公约任择议定书》"
        );
        assert_eq!(text("AT&T & co &unknown; &"), "AT&T & co &unknown; &");
    }

    #[test]
    fn tags_are_stripped_and_breaks_kept() {
        assert_eq!(
            text(
                "<p>Strengthen the <b>National</b> Human Rights Commission</p><p>in line with the Paris Principles</p>"
            ),
            "Strengthen the National Human Rights Commission\nin line with the Paris Principles"
        );
        assert_eq!(
            text("Renforcer la <i>Commission</i> nationale<br/>des droits de l’homme"),
            "Renforcer la Commission nationale\ndes droits de l’homme"
        );
        assert_eq!(
            text("Fortalecer <span class=\"x\">la Defensoría</span> del Pueblo"),
            "Fortalecer la Defensoría del Pueblo"
        );
        assert_eq!(text("<p>تعزيز اللجنة الوطنية</p>"), "تعزيز اللجنة الوطنية");
        assert_eq!(
            text("<div>Укрепить национальную комиссию</div>"),
            "Укрепить национальную комиссию"
        );
        assert_eq!(text("<p>加强国家人权委员会</p>"), "加强国家人权委员会");
        assert_eq!(text("if a < b and c > d"), "if a < b and c > d");
    }

    #[test]
    fn carriage_returns_and_space_runs_are_normalised() {
        assert_eq!(
            text(
                "  Continue   its efforts\r\nto combat\t trafficking \r\n\r\n\r\n(a) in persons  "
            ),
            "Continue its efforts\nto combat trafficking\n\n(a) in persons"
        );
        assert_eq!(
            text("Poursuivre\u{A0}\u{A0}ses efforts\rpour lutter"),
            "Poursuivre ses efforts\npour lutter"
        );
        assert_eq!(text("Seguir   trabajando\r\n"), "Seguir trabajando");
        assert_eq!(text("مواصلة \u{200F} جهودها"), "مواصلة جهودها");
        assert_eq!(text("Продолжать  \r\n усилия"), "Продолжать\nусилия");
        assert_eq!(text("继续\u{3000}努力"), "继续 努力");
        assert_eq!(line("- Women\r\n and girls "), "- Women and girls");
    }

    #[test]
    fn paragraph_numbers_come_off_in_every_style() {
        assert_eq!(
            split("132.90 Continue to strengthen the independence of the judiciary"),
            (
                Some("132.90"),
                "Continue to strengthen the independence of the judiciary".into()
            )
        );
        assert_eq!(
            split("127-179 Poursuivre ses efforts pour garantir l’indépendance"),
            (
                Some("127.179"),
                "Poursuivre ses efforts pour garantir l’indépendance".into()
            )
        );
        assert_eq!(
            split("4. El Comité recomienda al Estado parte"),
            (Some("4"), "El Comité recomienda al Estado parte".into())
        );
        assert_eq!(
            split("4.The Committee recommends"),
            (Some("4"), "The Committee recommends".into())
        );
        assert_eq!(
            split("-90    Продолжать усилия по борьбе с торговлей людьми"),
            (
                Some("90"),
                "Продолжать усилия по борьбе с торговлей людьми".into()
            )
        );
        assert_eq!(
            split("١٣٢-٩٠ مواصلة تعزيز استقلال القضاء"),
            (Some("132.90"), "مواصلة تعزيز استقلال القضاء".into())
        );
        assert_eq!(
            split("132.90 继续加强司法独立"),
            (Some("132.90"), "继续加强司法独立".into())
        );
        assert_eq!(split("12. (a) Adopt"), (Some("12"), "(a) Adopt".into()));
    }

    #[test]
    fn numbers_that_are_not_paragraphs_stay() {
        for text in [
            "2030 Agenda for Sustainable Development",
            "1325 (2000) resolution of the Security Council",
            "4.5 million children",
            "Adopt a law",
            "2030年可持续发展议程",
        ] {
            assert_eq!(split(text), (None, text.to_string()), "{text}");
        }
    }

    #[test]
    fn a_heading_glued_to_the_number_is_split_off() {
        let cleaned =
            recommendation("Violence à l’égard des femmes18.Le Comité recommande à l’État partie");
        assert_eq!(
            cleaned.heading.as_deref(),
            Some("Violence à l’égard des femmes")
        );
        assert_eq!(cleaned.paragraph.as_deref(), Some("18"));
        assert_eq!(cleaned.text, "Le Comité recommande à l’État partie");
        let cases = [
            (
                "Violence against women18.The Committee recommends",
                "Violence against women",
                "18",
                "The Committee recommends",
            ),
            (
                "Violencia contra la mujer18. El Comité recomienda",
                "Violencia contra la mujer",
                "18",
                "El Comité recomienda",
            ),
            (
                "العنف ضد المرأة18.توصي اللجنة الدولة الطرف",
                "العنف ضد المرأة",
                "18",
                "توصي اللجنة الدولة الطرف",
            ),
            (
                "Насилие в отношении женщин18.Комитет рекомендует",
                "Насилие в отношении женщин",
                "18",
                "Комитет рекомендует",
            ),
            (
                "对妇女的暴力行为18.委员会建议缔约国",
                "对妇女的暴力行为",
                "18",
                "委员会建议缔约国",
            ),
        ];
        for (raw, heading, paragraph, rest) in cases {
            let cleaned = recommendation(raw);
            assert_eq!(cleaned.heading.as_deref(), Some(heading), "{raw}");
            assert_eq!(cleaned.paragraph.as_deref(), Some(paragraph), "{raw}");
            assert_eq!(cleaned.text, rest, "{raw}");
        }
        // A sentence with a number in it is not a heading.
        let sentence = recommendation("Ensure that article 18. The law applies");
        assert_eq!(sentence.heading, None);
        let covid = recommendation("Respond to COVID19.Ensure access");
        assert_eq!(covid.heading, None);
    }
}
