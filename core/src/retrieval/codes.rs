//! Value sets only the Retrieval API documents.

use crate::wire::wire_enum;

wire_enum! {
    /// `status` of an ID Verification transaction: poll until it is not `PENDING`.
    pub enum ScanStatus {
        /// `PENDING`: not finished; keep polling the status.
        Pending = "PENDING",
        /// `DONE`: finished; retrieve details and images once.
        Done = "DONE",
        /// `FAILED`: finished without a result (e.g. the user dropped off).
        Failed = "FAILED",
    }
}

impl ScanStatus {
    /// Whether polling can stop: `DONE`, `FAILED`, or a value the spec does not list.
    pub fn is_final(&self) -> bool {
        !matches!(self, ScanStatus::Pending)
    }
}

wire_enum! {
    /// `mrzCheck`.
    pub enum MrzCheck {
        /// `OK`.
        Ok = "OK",
        /// `NOT_AVAILABLE`.
        NotAvailable = "NOT_AVAILABLE",
    }
}

wire_enum! {
    /// `classifier` of an ID Verification or Authentication image.
    pub enum ImageClassifier {
        /// `front`.
        Front = "front",
        /// `face`.
        Face = "face",
        /// `back`.
        Back = "back",
    }
}

wire_enum! {
    /// `searchResults` of an additional check.
    pub enum SearchResult {
        /// `POSITIVE_RESULT`.
        Positive = "POSITIVE_RESULT",
        /// `PARTIAL_RESULT` (address validation, proof of residency).
        Partial = "PARTIAL_RESULT",
        /// `NEGATIVE_RESULT`.
        Negative = "NEGATIVE_RESULT",
        /// `CHECK_NOT_DONE`: see `searchResponse` or `searchReason`.
        CheckNotDone = "CHECK_NOT_DONE",
    }
}

wire_enum! {
    /// `searchResponse` / `searchReason`: why a check was not done.
    pub enum SearchReason {
        /// `UNSUPPORTED_COUNTRY`.
        UnsupportedCountry = "UNSUPPORTED_COUNTRY",
        /// `NOT_ENOUGH_DATA`.
        NotEnoughData = "NOT_ENOUGH_DATA",
        /// `TECHNICAL_ERROR`.
        TechnicalError = "TECHNICAL_ERROR",
    }
}

wire_enum! {
    /// `faceSearchFindings.status`.
    pub enum FaceSearchStatus {
        /// `DONE`.
        Done = "DONE",
        /// `PENDING`.
        Pending = "PENDING",
        /// `ERROR`.
        Error = "ERROR",
    }
}

wire_enum! {
    /// `transactionResult` of an Authentication transaction.
    pub enum AuthenticationResult {
        /// `CREATED`.
        Created = "CREATED",
        /// `STARTED`.
        Started = "STARTED",
        /// `PASSED`.
        Passed = "PASSED",
        /// `FAILED`.
        Failed = "FAILED",
        /// `INVALID`.
        Invalid = "INVALID",
        /// `EXPIRED`.
        Expired = "EXPIRED",
    }
}

impl AuthenticationResult {
    /// Whether the transaction is still open (`CREATED`, `STARTED`).
    pub fn is_pending(&self) -> bool {
        matches!(
            self,
            AuthenticationResult::Created | AuthenticationResult::Started
        )
    }
}
