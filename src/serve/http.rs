//! HTTP/1.1 requests (parsed with `httparse`) and responses, one per connection.

use std::io::Write;

/// The longest request head accepted; longer heads get 431.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
const MAX_HEADERS: usize = 64;

/// A request head that has been read whole.
#[derive(Debug)]
pub struct Request {
    pub method: String,
    pub target: String,
}

/// What the bytes read so far amount to.
pub enum Parsed {
    Complete(Request),
    /// More bytes are needed.
    Partial,
    /// Not HTTP, or a head too large: answer with this response and close.
    Invalid(Response),
}

/// Parses a request head from the start of `buf`.
pub fn parse(buf: &[u8]) -> Parsed {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    match request.parse(buf) {
        Ok(httparse::Status::Complete(_)) => Parsed::Complete(Request {
            method: request.method.unwrap_or_default().to_string(),
            target: request.path.unwrap_or_default().to_string(),
        }),
        Ok(httparse::Status::Partial) if buf.len() >= MAX_HEAD_BYTES => {
            Parsed::Invalid(Response::text(
                431,
                "Request Header Fields Too Large",
                "request head too large",
            ))
        }
        Ok(httparse::Status::Partial) => Parsed::Partial,
        Err(httparse::Error::TooManyHeaders) => Parsed::Invalid(Response::text(
            431,
            "Request Header Fields Too Large",
            "too many headers",
        )),
        Err(_) => Parsed::Invalid(Response::bad_request()),
    }
}

/// A whole response; every connection is closed after one.
pub struct Response {
    pub status: u16,
    pub reason: &'static str,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

/// The same policy as `netlify.toml`, so that the dev server shows what the host will allow.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

impl Response {
    pub fn new(status: u16, reason: &'static str, content_type: &str, body: Vec<u8>) -> Response {
        Response {
            status,
            reason,
            headers: vec![("Content-Type", content_type.to_string())],
            body,
        }
    }

    pub fn text(status: u16, reason: &'static str, body: &str) -> Response {
        Response::new(
            status,
            reason,
            "text/plain; charset=utf-8",
            format!("{body}\n").into_bytes(),
        )
    }

    pub fn bad_request() -> Response {
        Response::text(400, "Bad Request", "bad request")
    }

    pub fn method_not_allowed() -> Response {
        let mut response = Response::text(405, "Method Not Allowed", "only GET and HEAD");
        response.headers.push(("Allow", "GET, HEAD".to_string()));
        response
    }

    pub fn redirect(location: String) -> Response {
        let mut response = Response::new(301, "Moved Permanently", "text/plain", Vec::new());
        response.headers.push(("Location", location));
        response
    }

    /// Writes the response; `head_only` leaves the body out (for HEAD).
    pub fn write_to(&self, out: &mut impl Write, head_only: bool) -> std::io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, self.reason);
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nContent-Security-Policy: {CONTENT_SECURITY_POLICY}\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        out.write_all(head.as_bytes())?;
        if !head_only {
            out.write_all(&self.body)?;
        }
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_is_complete_only_after_its_blank_line() {
        assert!(matches!(
            parse(b"GET / HTTP/1.1\r\nHost: x\r\n"),
            Parsed::Partial
        ));
        match parse(b"GET /en/?q=1 HTTP/1.1\r\nHost: x\r\n\r\n") {
            Parsed::Complete(request) => {
                assert_eq!(
                    (request.method.as_str(), request.target.as_str()),
                    ("GET", "/en/?q=1")
                );
            }
            _ => panic!("complete head not recognised"),
        }
    }

    #[test]
    fn garbage_and_oversized_heads_are_answered_not_waited_for() {
        assert!(
            matches!(parse(b"\x16\x03\x01\x02\x00\x01\r\n\r\n"), Parsed::Invalid(r) if r.status == 400)
        );
        let long = format!("GET /{} HTTP/1.1\r\n", "a".repeat(MAX_HEAD_BYTES));
        assert!(matches!(parse(long.as_bytes()), Parsed::Invalid(r) if r.status == 431));
    }
}
