//! Hostile plants in every Retrieval API and MobiCard example: card numbers
//! (Luhn-valid, with and without separators, as strings and as JSON
//! numbers) and a made-up name go into every field that still decodes with
//! them, an undocumented member goes into every object, one whose very
//! name holds a card number; the redacted copy, however shown (serde,
//! `decode_json_redacted`, `Debug` of the copy and of the model), must
//! show none of them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod planting;
mod redaction_models;

use planting::{card_number, grouped, BRANDS};

use proptest::prelude::*;
use redaction_models::{mobicard, mobicard_fixtures, retrieval, retrieval_fixtures, Shown};
use scankit::card::{find_pans, validate_number};
use scankit::retrieval::JsonModel;
use serde_json::{json, Value};
use std::sync::OnceLock;

/// The digits of every card number planted below.
const CARDS: [&str; 3] = ["4111111111111111", "5555555555554444", "378282246310005"];
const NAME_PARTS: [&str; 2] = ["zebulon", "quackenbush"];
/// An undocumented member name that is caller data itself.
const HOSTILE_NAME: &str = "pan_4111111111111111";

/// What is planted, one value at a time into every field.
fn payloads() -> Vec<Value> {
    vec![
        json!("4111111111111111"),
        json!("4111 1111 1111 1111"),
        json!("4111-1111-1111-1111"),
        json!("5555555555554444"),
        json!("5555 5555 5555 4444"),
        json!("378282246310005"),
        json!("3782 822463 10005"),
        json!("Zebulon Quackenbush"),
        json!("ZEBULON"),
        json!("Zebulon Quackenbush 5555 5555 5555 4444"),
        // Shapes some fields keep (an identifier, a URL, a timestamp, a
        // code): the card-number finder must still mask what they hold.
        json!("order-4111111111111111"),
        json!("4111_1111_1111_1111"),
        json!("4111.1111.1111.1111"),
        json!("0.4111111111111111"),
        json!("378282246310005.0"),
        json!("https://netverify.com/api/netverify/v2/scans/4111111111111111/images/front"),
        json!("2019-01-01T16:23:55.4111111111111111Z"),
        json!("PAN_5555_5555_5555_4444"),
        // Numbers where a text is read from a number.
        json!(4111111111111111_u64),
        json!(5555555555554444_u64),
        json!(378282246310005_u64),
        json!(4111111111111111.0_f64),
    ]
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
    /// Into a string that holds a JSON object (DV `extractedData`).
    Embedded,
}

/// The paths of every scalar (leaves) and every object of `v`.
fn slots(
    v: &Value,
    path: &mut Vec<Step>,
    leaves: &mut Vec<Vec<Step>>,
    objects: &mut Vec<Vec<Step>>,
) {
    match v {
        Value::Object(m) => {
            objects.push(path.clone());
            for (k, child) in m {
                path.push(Step::Key(k.clone()));
                slots(child, path, leaves, objects);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                path.push(Step::Index(i));
                slots(child, path, leaves, objects);
                path.pop();
            }
        }
        Value::String(s) => match serde_json::from_str::<Value>(s) {
            Ok(inner @ Value::Object(_)) => {
                path.push(Step::Embedded);
                slots(&inner, path, leaves, objects);
                path.pop();
            }
            _ => leaves.push(path.clone()),
        },
        _ => leaves.push(path.clone()),
    }
}

fn all_slots(v: &Value) -> (Vec<Vec<Step>>, Vec<Vec<Step>>) {
    let (mut leaves, mut objects) = (Vec::new(), Vec::new());
    slots(v, &mut Vec::new(), &mut leaves, &mut objects);
    (leaves, objects)
}

/// `v` with `f` applied at `path`.
fn edit(v: &Value, path: &[Step], f: &dyn Fn(&mut Value)) -> Value {
    fn go(v: &mut Value, path: &[Step], f: &dyn Fn(&mut Value)) {
        match path.split_first() {
            None => f(v),
            Some((Step::Key(k), rest)) => go(&mut v[k.as_str()], rest, f),
            Some((Step::Index(i), rest)) => go(&mut v[*i], rest, f),
            Some((Step::Embedded, rest)) => {
                let mut inner: Value = serde_json::from_str(v.as_str().unwrap()).unwrap();
                go(&mut inner, rest, f);
                *v = Value::String(inner.to_string());
            }
        }
    }
    let mut out = v.clone();
    go(&mut out, path, f);
    out
}

/// The value at `path`.
fn get(v: &Value, path: &[Step]) -> Value {
    match path.split_first() {
        None => v.clone(),
        Some((Step::Key(k), rest)) => get(&v[k.as_str()], rest),
        Some((Step::Index(i), rest)) => get(&v[*i], rest),
        Some((Step::Embedded, rest)) => {
            get(&serde_json::from_str(v.as_str().unwrap()).unwrap(), rest)
        }
    }
}

/// A family of fixtures: how a body is decoded and redacted.
#[derive(Clone, Copy)]
enum Family {
    Retrieval(JsonModel),
    Mobicard,
}

impl Family {
    fn shown(self, doc: &Value) -> Option<Shown> {
        let body = serde_json::to_vec(doc).unwrap();
        match self {
            Family::Retrieval(m) => retrieval(m, &body),
            Family::Mobicard => mobicard(&body),
        }
    }
}

fn fixtures() -> &'static Vec<(String, Family, Value)> {
    static ALL: OnceLock<Vec<(String, Family, Value)>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut all: Vec<(String, Family, Value)> = retrieval_fixtures()
            .into_iter()
            .map(|(file, model, body)| {
                let v = serde_json::from_slice(&body).unwrap();
                (file, Family::Retrieval(model), v)
            })
            .collect();
        for (name, body) in mobicard_fixtures() {
            let v = serde_json::from_slice(&body).unwrap();
            all.push((format!("mobicard/{name}"), Family::Mobicard, v));
        }
        all
    })
}

/// Fails if `text` shows any of `digits` (also once separators are taken
/// out), any card number at all, or the planted name.
fn assert_clean(what: &str, text: &str, digits: &[&str]) {
    let squeezed: String = text.chars().filter(|c| !" -_./:#".contains(*c)).collect();
    for d in digits {
        assert!(!text.contains(d), "{what}: {d} in {text}");
        assert!(
            !squeezed.contains(d),
            "{what}: {d} (separators taken out) in {text}"
        );
    }
    let found = find_pans(text);
    assert!(found.is_empty(), "{what}: card numbers {found:?} in {text}");
    let lower = text.to_lowercase();
    for part in NAME_PARTS {
        assert!(!lower.contains(part), "{what}: {part} in {text}");
    }
}

fn assert_shown_clean(what: &str, shown: &Shown, digits: &[&str]) {
    for (how, text) in shown.texts() {
        assert_clean(&format!("{what} ({how})"), text, digits);
    }
}

#[derive(Default, Debug)]
struct Counts {
    planted: usize,
    refused: usize,
    members: usize,
}

/// `payload` planted into every leaf of `original` that still decodes with
/// it, then an undocumented member (and one named [`HOSTILE_NAME`]) into
/// every object.
fn plant_everywhere(family: Family, original: &Value, payload: &Value) -> (Value, Counts) {
    let (leaves, objects) = all_slots(original);
    let mut doc = original.clone();
    let mut counts = Counts::default();
    for leaf in &leaves {
        let candidate = edit(&doc, leaf, &|v| *v = payload.clone());
        if family.shown(&candidate).is_some() {
            doc = candidate;
            counts.planted += 1;
        } else {
            counts.refused += 1;
        }
    }
    for object in &objects {
        let candidate = edit(&doc, object, &|v| {
            let m = v.as_object_mut().unwrap();
            m.insert("zzUndocumented".to_owned(), payload.clone());
            m.insert(HOSTILE_NAME.to_owned(), json!("Zebulon Quackenbush"));
        });
        assert!(
            family.shown(&candidate).is_some(),
            "an object at {object:?} refuses undocumented members"
        );
        doc = candidate;
        counts.members += 1;
    }
    (doc, counts)
}

#[test]
fn planted_card_numbers_and_names_never_survive_redaction() {
    let mut totals = Counts::default();
    for (file, family, original) in fixtures() {
        let (leaves, _) = all_slots(original);
        let mut planted_somewhere = false;
        for payload in payloads() {
            let (doc, counts) = plant_everywhere(*family, original, &payload);
            let shown = family.shown(&doc).unwrap();
            assert_shown_clean(&format!("{file} with {payload}"), &shown, &CARDS);
            planted_somewhere |= counts.planted > 0;
            totals.planted += counts.planted;
            totals.refused += counts.refused;
            totals.members += counts.members;
        }
        assert!(
            planted_somewhere || leaves.is_empty(),
            "{file}: no field took a plant"
        );
    }
    println!("hostile plants: {totals:?}");
    // Most fields are text, and text takes any plant.
    assert!(totals.planted > 3 * totals.refused, "{totals:?}");
}

/// Planting proves something only if the fields that take a plant are
/// the ones that carry data: a name in a name field, a card number in the
/// card number fields, are each planted.
#[test]
fn the_plants_reach_the_personal_fields() {
    let find = |name: &str| {
        fixtures()
            .iter()
            .find(|(f, _, _)| f == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let (_, family, v) = find("hand-made/cc-unmasked.json");
    let (doc, _) = plant_everywhere(*family, v, &json!("4111 1111 1111 1111"));
    assert_eq!(doc["cardNumber"], "4111 1111 1111 1111");
    assert_eq!(doc["cardHolderName"], "4111 1111 1111 1111");
    assert_eq!(doc["merchantReportingCriteria"], "4111 1111 1111 1111");
    assert_eq!(doc[HOSTILE_NAME], "Zebulon Quackenbush");
    let shown = family.shown(&doc).unwrap();
    let red: Value = serde_json::from_str(&shown.json).unwrap();
    assert_eq!(red["cardNumber"], "4111 11xx xxxx 1111");
    assert_eq!(red["merchantReportingCriteria"], "[redacted]");
    assert_eq!(red["[field-2]"], "[redacted]");

    let (_, family, v) = find("mobicard/provider-variant.json");
    let (doc, _) = plant_everywhere(*family, v, &json!(4111111111111111_u64));
    assert_eq!(doc["card_scan_request_id"], 4111111111111111_u64);
    let red: Value = serde_json::from_str(&family.shown(&doc).unwrap().json).unwrap();
    // An id sent as a number: kept as an identifier, the card number in it masked.
    assert_eq!(red["card_scan_request_id"], "411111******1111");
    assert_eq!(red["card_information"]["card_number"], "4111********1111");
    assert_eq!(
        red["card_information"]["card_number_masked"],
        "4111********1111"
    );

    let (_, family, v) = find("spec-2019/dv-details-cc.json");
    let (doc, _) = plant_everywhere(*family, v, &json!("ZEBULON"));
    let inner: Value = serde_json::from_str(
        doc["document"]["extractedData"]["extractedData"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(inner["pan"], "ZEBULON", "the embedded JSON is planted too");
    let red: Value = serde_json::from_str(&family.shown(&doc).unwrap().json).unwrap();
    let inner: Value = serde_json::from_str(
        red["document"]["extractedData"]["extractedData"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(inner["pan"], "[redacted]");
    assert_eq!(inner["firstName"], "Z***");
}

/// Every leaf of every fixture, as (fixture index, path).
fn all_leaves() -> &'static Vec<(usize, Vec<Step>)> {
    static ALL: OnceLock<Vec<(usize, Vec<Step>)>> = OnceLock::new();
    ALL.get_or_init(|| {
        fixtures()
            .iter()
            .enumerate()
            .flat_map(|(i, (_, _, v))| all_slots(v).0.into_iter().map(move |p| (i, p)))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, max_global_rejects: 4096, ..ProptestConfig::default() })]

    #[test]
    fn a_random_card_number_in_a_random_field_never_survives(
        brand in 0..BRANDS.len(),
        body in prop::collection::vec(any::<u8>(), 18),
        leaf in any::<prop::sample::Index>(),
        written in 0..5usize,
        wrapped in 0..4usize,
        member in any::<bool>(),
    ) {
        let digits = card_number(brand, &body);
        prop_assume!(validate_number(&digits).valid);
        prop_assume!(find_pans(&digits).len() == 1);
        let grouped = |sep: char| grouped(&digits, sep);
        let text = match written {
            0 => digits.clone(),
            1 => grouped(' '),
            2 => grouped('-'),
            3 => grouped('_'),
            _ => String::new(),
        };
        let value = if written == 4 {
            json!(digits.parse::<u64>().unwrap())
        } else {
            match wrapped {
                0 => json!(text),
                1 => json!(format!("ref-{text}")),
                2 => json!(format!("ZEBULON {text}")),
                _ => json!(format!("https://netverify.com/api/netverify/v2/scans/{text}/images/front")),
            }
        };
        let (fixture, path) = leaf.get(all_leaves());
        let (file, family, original) = &fixtures()[*fixture];
        let doc = if member {
            // An undocumented member, named after the number, in the
            // object nearest the leaf.
            let mut at: Vec<Step> = path.clone();
            while !get(original, &at).is_object() {
                at.pop();
            }
            edit(original, &at, &|v| {
                if let Some(m) = v.as_object_mut() {
                    m.insert(format!("pan_{digits}"), value.clone());
                }
            })
        } else {
            edit(original, path, &|v| *v = value.clone())
        };
        let shown = family.shown(&doc);
        prop_assume!(shown.is_some());
        let shown = shown.unwrap();
        assert_shown_clean(&format!("{file} at {path:?} with {value}"), &shown, &[digits.as_str()]);
    }
}
