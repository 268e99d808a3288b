//! Compares the platforms' outputs case by case: same canonical JSON, or a
//! report naming the case, which platforms agree with which, and the JSON
//! paths where they part.

use super::read_lines;
use crate::Failure;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Cases shown in full; the rest are counted.
const SHOWN_CASES: usize = 40;
/// Paths shown per differing platform group.
const SHOWN_PATHS: usize = 8;
/// Characters of a value shown in a report line.
const SHOWN_CHARS: usize = 160;

/// What one platform answered for one case.
enum Answer {
    Output(Value),
    Unsupported(String),
}

struct Platform {
    name: String,
    answers: HashMap<String, Answer>,
}

pub fn compare(cases: &Path, outputs: &[PathBuf]) -> Result<(), Failure> {
    let cases = read_lines(cases)?;
    let mut order: Vec<(String, String)> = Vec::with_capacity(cases.len());
    for c in &cases {
        let id = c["id"].as_str().unwrap_or_default().to_owned();
        order.push((id, c["op"].as_str().unwrap_or_default().to_owned()));
    }
    let platforms = outputs
        .iter()
        .map(|p| load(p))
        .collect::<Result<Vec<_>, _>>()?;

    let mut report = String::new();
    let mut failed_by_op: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut failed = 0usize;
    for (id, op) in &order {
        let entry = failed_by_op.entry(op.as_str()).or_default();
        entry.0 += 1;
        if let Some(problem) = check_case(id, &platforms) {
            entry.1 += 1;
            failed += 1;
            if failed <= SHOWN_CASES {
                report.push_str(&problem);
            }
        }
    }
    for p in &platforms {
        let known: std::collections::HashSet<&str> =
            order.iter().map(|(id, _)| id.as_str()).collect();
        let extra = p
            .answers
            .keys()
            .filter(|id| !known.contains(id.as_str()))
            .count();
        if extra > 0 {
            failed += 1;
            let _ = writeln!(
                report,
                "{}: {extra} answers to cases not in the case list",
                p.name
            );
        }
    }
    if failed > SHOWN_CASES {
        let _ = writeln!(report, "... and {} more", failed - SHOWN_CASES);
    }
    print!("{report}");
    let names: Vec<&str> = platforms.iter().map(|p| p.name.as_str()).collect();
    println!("platforms: {}", names.join(", "));
    for (op, (n, bad)) in &failed_by_op {
        println!("  {op:<20} {n:>6} cases, {bad} differing");
    }
    let passed = order.len().saturating_sub(failed.min(order.len()));
    println!("conformance: {passed} passed, {failed} failed");
    if failed == 0 {
        Ok(())
    } else {
        Err(Failure {
            message: format!("conformance: {failed} cases differ between platforms"),
            code: 1,
        })
    }
}

fn load(path: &Path) -> Result<Platform, Failure> {
    let name = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("?")
        .to_owned();
    let mut answers = HashMap::new();
    for line in read_lines(path)? {
        let id = line["id"].as_str().unwrap_or_default().to_owned();
        let answer = match (line.get("output"), line.get("unsupported")) {
            (Some(o), _) => Answer::Output(o.clone()),
            (None, Some(why)) => Answer::Unsupported(why.as_str().unwrap_or("?").to_owned()),
            (None, None) => {
                Answer::Unsupported("a line with neither output nor unsupported".into())
            }
        };
        if answers.insert(id.clone(), answer).is_some() {
            return Err(Failure::input(format!(
                "{}: case {id} answered twice",
                path.display()
            )));
        }
    }
    Ok(Platform { name, answers })
}

/// `None` when every platform gave the same canonical output.
fn check_case(id: &str, platforms: &[Platform]) -> Option<String> {
    let mut out = String::new();
    let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    let mut values: BTreeMap<String, &Value> = BTreeMap::new();
    for p in platforms {
        match p.answers.get(id) {
            None => {
                let _ = writeln!(out, "{id}: no answer from {}", p.name);
            }
            Some(Answer::Unsupported(why)) => {
                let _ = writeln!(out, "{id}: unsupported on {}: {why}", p.name);
            }
            Some(Answer::Output(v)) => {
                if v["error"]["kind"] == "unexpected" {
                    let msg = shorten(&v["error"]["message"].to_string());
                    let _ = writeln!(out, "{id}: unexpected error on {}: {msg}", p.name);
                }
                let key = canonical(v);
                groups.entry(key.clone()).or_default().push(&p.name);
                values.entry(key).or_insert(v);
            }
        }
    }
    if groups.len() > 1 {
        // The reference is the group of the first platform named (rust).
        let first = platforms
            .first()
            .map(|p| p.name.as_str())
            .unwrap_or_default();
        let reference = groups
            .iter()
            .find(|(_, names)| names.contains(&first))
            .or_else(|| groups.iter().next())
            .map(|(k, _)| k.clone())
            .unwrap_or_default();
        let sides: Vec<String> = groups.values().map(|names| names.join(", ")).collect();
        let _ = writeln!(out, "{id}: outputs differ: {}", sides.join(" | "));
        for (key, names) in &groups {
            if *key == reference {
                continue;
            }
            let mut paths = Vec::new();
            diff("", values[&reference], values[key], &mut paths);
            for (path, a, b) in paths.iter().take(SHOWN_PATHS) {
                let _ = writeln!(
                    out,
                    "    {}: {} = {} | {} = {}",
                    if path.is_empty() { "/" } else { path },
                    groups[&reference].join(", "),
                    shorten(a),
                    names.join(", "),
                    shorten(b)
                );
            }
            if paths.len() > SHOWN_PATHS {
                let _ = writeln!(out, "    ... {} more paths", paths.len() - SHOWN_PATHS);
            }
        }
    }
    (!out.is_empty()).then_some(out)
}

/// JSON with sorted keys, and numbers compared by value: `1` and `1.0` are
/// the same number on a platform with one number type (JavaScript).
fn canonical(v: &Value) -> String {
    let mut s = String::new();
    write_canonical(v, &mut s);
    s
}

fn write_canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                write_canonical(&map[k], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(item, out);
            }
            out.push(']');
        }
        Value::Number(n) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => {
                let _ = write!(out, "{}", f as i64);
            }
            _ => out.push_str(&n.to_string()),
        },
        other => out.push_str(&other.to_string()),
    }
}

/// The paths where `a` and `b` differ, with each side's value there.
fn diff(path: &str, a: &Value, b: &Value, out: &mut Vec<(String, String, String)>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let mut keys: Vec<&String> = x.keys().chain(y.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                let p = format!("{path}/{k}");
                match (x.get(k), y.get(k)) {
                    (Some(u), Some(v)) => diff(&p, u, v, out),
                    (u, v) => out.push((p, side(u), side(v))),
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (u, v)) in x.iter().zip(y).enumerate() {
                diff(&format!("{path}/{i}"), u, v, out);
            }
        }
        _ if canonical(a) == canonical(b) => {}
        _ => out.push((path.to_owned(), a.to_string(), b.to_string())),
    }
}

fn side(v: Option<&Value>) -> String {
    v.map_or_else(|| "(absent)".to_owned(), Value::to_string)
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= SHOWN_CHARS {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(SHOWN_CHARS).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn canonical_sorts_keys_and_folds_integral_floats() {
        let a = json!({"b": [1.0, {"y": 2, "x": "s"}], "a": null});
        let b = json!({"a": null, "b": [1, {"x": "s", "y": 2.0}]});
        assert_eq!(canonical(&a), canonical(&b));
        assert_eq!(canonical(&a), r#"{"a":null,"b":[1,{"x":"s","y":2}]}"#);
        assert_ne!(
            canonical(&json!(0.1)),
            canonical(&json!(0.10000000000000002))
        );
    }

    #[test]
    fn diff_names_every_differing_path() {
        let a = json!({"parsed": {"x": 1, "y": [1, 2]}, "same": true});
        let b = json!({"parsed": {"x": 2, "y": [1, 3], "z": 0}, "same": true});
        let mut paths = Vec::new();
        diff("", &a, &b, &mut paths);
        let names: Vec<&str> = paths.iter().map(|(p, _, _)| p.as_str()).collect();
        assert_eq!(names, ["/parsed/x", "/parsed/y/1", "/parsed/z"]);
        assert_eq!(paths[2].1, "(absent)");
    }

    fn platform(name: &str, answers: Vec<(&str, Answer)>) -> Platform {
        Platform {
            name: name.into(),
            answers: answers.into_iter().map(|(id, a)| (id.into(), a)).collect(),
        }
    }

    #[test]
    fn a_case_passes_only_when_every_platform_agrees() {
        let ps = [
            platform("rust", vec![("c", Answer::Output(json!({"v": 1})))]),
            platform("node", vec![("c", Answer::Output(json!({"v": 1.0})))]),
        ];
        assert!(check_case("c", &ps).is_none());
        let ps = [
            platform("rust", vec![("c", Answer::Output(json!({"v": 1})))]),
            platform("node", vec![("c", Answer::Output(json!({"v": 2})))]),
            platform("python", vec![]),
            platform("kotlin", vec![("c", Answer::Unsupported("no API".into()))]),
        ];
        let report = check_case("c", &ps).unwrap_or_default();
        assert!(report.contains("no answer from python"), "{report}");
        assert!(report.contains("unsupported on kotlin: no API"), "{report}");
        assert!(report.contains("c: outputs differ: "), "{report}");
        assert!(report.contains("/v: rust = 1 | node = 2"), "{report}");
    }

    #[test]
    fn the_same_unexpected_error_everywhere_still_fails() {
        let boom = || Answer::Output(json!({"error": {"kind": "unexpected", "message": "boom"}}));
        let ps = [
            platform("rust", vec![("c", boom())]),
            platform("node", vec![("c", boom())]),
        ];
        let report = check_case("c", &ps).unwrap_or_default();
        assert!(report.contains("unexpected error on rust"), "{report}");
    }
}
