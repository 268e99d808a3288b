//! Image lists: ID Verification images, Authentication images, the facemap link.

use super::codes::ImageClassifier;
use super::lenient::{opt_string, LooseTimestamp};
use crate::models::{ExtraJson, LivenessImages};
use crate::wire::lenient;
use serde::{Deserialize, Serialize};

/// Response of `GET …/scans/<scanReference>/images`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScanImages {
    /// `timestamp` of the response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<LooseTimestamp>,
    /// `scanReference` (36).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub scan_reference: Option<String>,
    /// `images`: an array, or one object.
    #[serde(
        default,
        deserialize_with = "lenient::one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub images: Vec<ImageLink>,
    /// `livenessImages`: URLs of the liveness sequence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub liveness_images: Option<LivenessImages>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

impl ScanImages {
    /// The image of a classifier, if listed.
    pub fn by_classifier(&self, classifier: &ImageClassifier) -> Option<&ImageLink> {
        self.images
            .iter()
            .find(|i| i.classifier.as_ref() == Some(classifier))
    }
}

/// One entry of `images`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageLink {
    /// `classifier`: `front`, `face` or `back`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classifier: Option<ImageClassifier>,
    /// `href`: URL of the image.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub href: Option<String>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// `facemap` of the details response.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Facemap {
    /// `classifier`: `facemap`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub classifier: Option<String>,
    /// `href`: URL of the raw (binary) facemap.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub href: Option<String>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}

/// Response of `GET …/authentications/<transactionReference>`.
#[derive(Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthenticationDetails {
    /// `transactionReference` (36).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub transaction_reference: Option<String>,
    /// `enrollmentTransactionReference` (36): the ID Verification enrolled against (2020).
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub enrollment_transaction_reference: Option<String>,
    /// `transactionResult`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_result: Option<super::codes::AuthenticationResult>,
    /// `transactionDate` (the spec's example has no zone; UTC is assumed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_date: Option<LooseTimestamp>,
    /// `scanSource`: `SDK` or `WEB`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scan_source: Option<crate::codes::IdScanSource>,
    /// `userReference`: your reference for the user.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub user_reference: Option<String>,
    /// `images`: the `face` image, as an array or one object.
    #[serde(
        default,
        deserialize_with = "lenient::one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub images: Vec<ImageLink>,
    /// `livenessImages`: URLs of the liveness sequence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub liveness_images: Option<LivenessImages>,
    /// Fields the spec does not list.
    #[serde(flatten)]
    pub extra: ExtraJson,
}
