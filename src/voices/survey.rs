//! `wfe survey`: a self-contained, offline survey page for one respondent.
//!
//! The page embeds the model's framework and scale (as a JSON data block,
//! which no policy runs) and one script, `www/survey.js`, allowed by its
//! SHA-256 hash in the page's own content-security policy: nothing else may
//! run, load or be sent. The person scores the cells they are asked about
//! (all, or their player's) and saves a response file, a v1 model that
//! [`super::merge`] reads.

use crate::export::{escape_text, json_for_script};
use crate::model::Model;

const SCRIPT: &str = include_str!("../../www/survey.js");
const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1a1a1a}\
label{display:block;margin:.5rem 0}input,select,button{font:inherit}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #ccc}\
button{margin-top:1rem;padding:.5rem 1rem;background:#1f4fbf;color:#fff;border:0;border-radius:4px}\
:focus-visible{outline:3px solid #1f4fbf;outline-offset:2px}\
[hidden]{display:none!important}\
@media (max-width:600px){table,tbody,tr,th,td{display:block}tr{border-bottom:2px solid #999;padding:.5rem 0}th,td{border:0}\
thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}td[data-label]::before{content:attr(data-label) \": \"}}";

/// The page's SHA-256 of `text`, base64, as a CSP source needs it.
fn csp_hash(text: &str) -> String {
    format!("'sha256-{}'", base64(&sha256(text.as_bytes())))
}

/// The survey page of `model`'s framework and scale.
pub fn survey_html(model: &Model) -> String {
    let blank = Model {
        name: String::new(),
        ..crate::teaching::blank_model(model)
    };
    let csp = format!(
        "default-src 'none'; script-src {}; style-src {}; base-uri 'none'; form-action 'none'",
        csp_hash(SCRIPT),
        csp_hash(STYLE)
    );
    let title = if model.name.trim().is_empty() {
        "Workforce ecosystem survey".to_string()
    } else {
        format!("{} — workforce ecosystem survey", model.name)
    };
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>{title}</h1>\n\
         <p>Score how far each player has come on each theme today (current) and where it should be (target). \
         Leave a cell blank if you cannot judge it. Nothing leaves this page until you save and send the file.</p>\n\
         <form id=\"survey-form\">\n\
         <label>Your name or the code you were given <input id=\"survey-name\" autocomplete=\"name\" maxlength=\"200\" required></label>\n\
         <label>Your role (optional) <input id=\"survey-role\" maxlength=\"200\"></label>\n\
         <label>Cells to score <select id=\"survey-player\"><option value=\"\">All cells</option></select></label>\n\
         <table>\n<thead><tr><th scope=\"col\">Theme</th><th scope=\"col\">Player</th>\
         <th scope=\"col\">Current</th><th scope=\"col\">Target</th></tr></thead>\n\
         <tbody id=\"survey-cells\"></tbody>\n</table>\n\
         <button type=\"submit\">Save my response</button>\n\
         <p id=\"survey-status\" role=\"status\"></p>\n</form>\n\
         <script type=\"application/json\" id=\"survey-model\">{data}</script>\n\
         <script>{SCRIPT}</script>\n</body>\n</html>\n",
        title = escape_text(&title),
        data = json_for_script(&blank),
    )
}

/// SHA-256 (FIPS 180-4), for the policy's script and style hashes.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for block in msg.chunks(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let s1 = v[4].rotate_right(6) ^ v[4].rotate_right(11) ^ v[4].rotate_right(25);
            let ch = (v[4] & v[5]) ^ (!v[4] & v[6]);
            let t1 = v[7]
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = v[0].rotate_right(2) ^ v[0].rotate_right(13) ^ v[0].rotate_right(22);
            let maj = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
            let t2 = s0.wrapping_add(maj);
            v = [
                t1.wrapping_add(t2),
                v[0],
                v[1],
                v[2],
                v[3].wrapping_add(t1),
                v[4],
                v[5],
                v[6],
            ];
        }
        for (x, y) in h.iter_mut().zip(v) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (i, x) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..4 {
            if i <= c.len() {
                out.push(A[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_and_base64_match_known_values() {
        // FIPS 180-4 examples, and a CSP hash computed by a browser's rules.
        assert_eq!(
            base64(&sha256(b"abc")),
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
        assert_eq!(
            base64(&sha256(b"")),
            "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
        let long = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        assert_eq!(
            base64(&sha256(long.as_bytes())),
            "JI1qYdIGOLjlwCaTDD5gOaM85Flk/yFn9uzt1BnbBsE="
        );
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"a"), "YQ==");
    }

    #[test]
    fn the_page_allows_exactly_its_script_and_style() {
        let mut m = crate::framework::sample();
        m.name = "</script><script>alert(1)</script>".into();
        m.framework.players[0].label = "<img src=x onerror=alert(1)>".into();
        let page = survey_html(&m);
        assert!(page.contains(&csp_hash(SCRIPT)));
        assert!(page.contains(&csp_hash(STYLE)));
        assert!(!page.contains("'unsafe-inline'"));
        // The model's texts never open an element: one script runs, one data block.
        assert_eq!(page.matches("<script").count(), 2);
        assert!(!page.contains("<img"));
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
        // The embedded data is the framework and scale, nothing scored.
        assert!(!page.contains("\"assessments\":[{"));
    }
}
