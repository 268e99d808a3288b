//! The value sets the Netverify spec documents, each as an enum that keeps an
//! undocumented value in `Unknown` instead of failing.

use crate::wire::wire_enum;

wire_enum! {
    /// `callBackType`.
    pub enum CallbackType {
        /// `NETVERIFYID`: the ID verification callback.
        NetverifyId = "NETVERIFYID",
    }
}

wire_enum! {
    /// `verificationStatus`, the outcome of the verification.
    pub enum VerificationStatus {
        /// `APPROVED_VERIFIED`.
        ApprovedVerified = "APPROVED_VERIFIED",
        /// `DENIED_FRAUD`.
        DeniedFraud = "DENIED_FRAUD",
        /// `DENIED_UNSUPPORTED_ID_TYPE`: the ID is not supported by Jumio or not accepted in your settings.
        DeniedUnsupportedIdType = "DENIED_UNSUPPORTED_ID_TYPE",
        /// `DENIED_UNSUPPORTED_ID_COUNTRY`: the country is not supported or not accepted.
        DeniedUnsupportedIdCountry = "DENIED_UNSUPPORTED_ID_COUNTRY",
        /// `ERROR_NOT_READABLE_ID`.
        ErrorNotReadableId = "ERROR_NOT_READABLE_ID",
        /// `NO_ID_UPLOADED`: the user dropped off, or the token expired.
        NoIdUploaded = "NO_ID_UPLOADED",
    }
}

wire_enum! {
    /// `idScanStatus`: `SUCCESS` if approved and verified, otherwise `ERROR`.
    pub enum IdScanStatus {
        /// `SUCCESS`.
        Success = "SUCCESS",
        /// `ERROR`.
        Error = "ERROR",
    }
}

wire_enum! {
    /// `idScanSource`: where the scan came from.
    pub enum IdScanSource {
        /// `WEB`: Web embedded, no camera or upload started.
        Web = "WEB",
        /// `WEB_CAM`: Web embedded via camera.
        WebCam = "WEB_CAM",
        /// `WEB_UPLOAD`: Web embedded via upload.
        WebUpload = "WEB_UPLOAD",
        /// `REDIRECT`: Web redirect, no camera or upload started.
        Redirect = "REDIRECT",
        /// `REDIRECT_CAM`: Web redirect via camera.
        RedirectCam = "REDIRECT_CAM",
        /// `REDIRECT_UPLOAD`: Web redirect via upload.
        RedirectUpload = "REDIRECT_UPLOAD",
        /// `API`: performNetverify.
        Api = "API",
        /// `SDK`: mobile.
        Sdk = "SDK",
    }
}

wire_enum! {
    /// The `idCheck*` fields: `OK` if approved and verified, otherwise `N/A`.
    pub enum IdCheck {
        /// `OK`.
        Ok = "OK",
        /// `N/A`.
        NotAvailable = "N/A",
    }
}

wire_enum! {
    /// `idType` and `presetIdType`.
    pub enum IdType {
        /// `PASSPORT`.
        Passport = "PASSPORT",
        /// `DRIVING_LICENSE`.
        DrivingLicense = "DRIVING_LICENSE",
        /// `ID_CARD`.
        IdCard = "ID_CARD",
        /// `VISA`: only US and Chinese visas are supported in certain cases.
        Visa = "VISA",
        /// `UNSUPPORTED` (Retrieval API document type).
        Unsupported = "UNSUPPORTED",
    }
}

wire_enum! {
    /// `idSubtype`.
    pub enum IdSubtype {
        /// `NATIONAL_ID` (ID card).
        NationalId = "NATIONAL_ID",
        /// `CONSULAR_ID` (ID card).
        ConsularId = "CONSULAR_ID",
        /// `ELECTORAL_ID` (ID card).
        ElectoralId = "ELECTORAL_ID",
        /// `RESIDENT_PERMIT_ID` (ID card).
        ResidentPermitId = "RESIDENT_PERMIT_ID",
        /// `TAX_ID` (ID card).
        TaxId = "TAX_ID",
        /// `STUDENT_ID` (ID card).
        StudentId = "STUDENT_ID",
        /// `PASSPORT_CARD_ID` (ID card).
        PassportCardId = "PASSPORT_CARD_ID",
        /// `MILITARY_ID` (ID card).
        MilitaryId = "MILITARY_ID",
        /// `PUBLIC_SAFETY_ID` (ID card).
        PublicSafetyId = "PUBLIC_SAFETY_ID",
        /// `OTHER_ID` (ID card).
        OtherId = "OTHER_ID",
        /// `VISA` (ID card).
        Visa = "VISA",
        /// `UNKNOWN`: the documented subtype value, not an undocumented one.
        UnknownSubtype = "UNKNOWN",
        /// `LEARNING_DRIVING_LICENSE` (driving licence).
        LearningDrivingLicense = "LEARNING_DRIVING_LICENSE",
        /// `E_PASSPORT` (passport, mobile only).
        EPassport = "E_PASSPORT",
    }
}

wire_enum! {
    /// `gender`.
    pub enum Gender {
        /// `M`.
        M = "M",
        /// `F`.
        F = "F",
    }
}

wire_enum! {
    /// `dlCarPermission`.
    pub enum DlCarPermission {
        /// `YES`.
        Yes = "YES",
        /// `NO`.
        No = "NO",
        /// `NOT_READABLE`.
        NotReadable = "NOT_READABLE",
    }
}

wire_enum! {
    /// `dlCategories[].availability`.
    pub enum DlAvailability {
        /// `yes`.
        Yes = "yes",
        /// `no`.
        No = "no",
        /// `not readable`.
        NotReadable = "not readable",
    }
}

wire_enum! {
    /// `identityVerification.similarity`: does the selfie match the ID photo.
    pub enum Similarity {
        /// `MATCH`.
        Match = "MATCH",
        /// `NO_MATCH`.
        NoMatch = "NO_MATCH",
        /// `NOT_POSSIBLE`.
        NotPossible = "NOT_POSSIBLE",
    }
}

wire_enum! {
    /// `identityVerification.reason`, given when `validity` is false.
    pub enum ValidityReason {
        /// `SELFIE_CROPPED_FROM_ID`.
        SelfieCroppedFromId = "SELFIE_CROPPED_FROM_ID",
        /// `ENTIRE_ID_USED_AS_SELFIE`.
        EntireIdUsedAsSelfie = "ENTIRE_ID_USED_AS_SELFIE",
        /// `MULTIPLE_PEOPLE`.
        MultiplePeople = "MULTIPLE_PEOPLE",
        /// `SELFIE_IS_SCREEN_PAPER_VIDEO`.
        SelfieIsScreenPaperVideo = "SELFIE_IS_SCREEN_PAPER_VIDEO",
        /// `SELFIE_MANIPULATED`.
        SelfieManipulated = "SELFIE_MANIPULATED",
        /// `AGE_DIFFERENCE_TOO_BIG`.
        AgeDifferenceTooBig = "AGE_DIFFERENCE_TOO_BIG",
        /// `NO_FACE_PRESENT`.
        NoFacePresent = "NO_FACE_PRESENT",
        /// `FACE_NOT_FULLY_VISIBLE`.
        FaceNotFullyVisible = "FACE_NOT_FULLY_VISIBLE",
        /// `BAD_QUALITY`.
        BadQuality = "BAD_QUALITY",
        /// `BLACK_AND_WHITE`.
        BlackAndWhite = "BLACK_AND_WHITE",
        /// `LIVENESS_FAILED`.
        LivenessFailed = "LIVENESS_FAILED",
    }
}

wire_enum! {
    /// Document Verification `transaction.status`.
    pub enum DvTransactionStatus {
        /// `DONE`.
        Done = "DONE",
        /// `FAILED`: acquisition not finalized within 5 minutes of creation or last update.
        Failed = "FAILED",
    }
}

wire_enum! {
    /// Document Verification `transaction.source`.
    pub enum DvSource {
        /// `DOC_UPLOAD`: Document Verification.
        DocUpload = "DOC_UPLOAD",
        /// `DOC_API`: Document Verification API.
        DocApi = "DOC_API",
        /// `DOC_SDK`: Document Verification Mobile.
        DocSdk = "DOC_SDK",
    }
}

wire_enum! {
    /// Document Verification `document.status`.
    pub enum DvDocumentStatus {
        /// `UPLOADED` (default).
        Uploaded = "UPLOADED",
        /// `EXTRACTED`: a document supported for data extraction was provided.
        Extracted = "EXTRACTED",
        /// `DISCARDED`: no document supported for data extraction was provided.
        Discarded = "DISCARDED",
    }
}

wire_enum! {
    /// Document Verification `document.type`.
    pub enum DvDocumentType {
        /// `CC`: credit card, front and back.
        CreditCard = "CC",
        /// `BS`: bank statement, front.
        BankStatement = "BS",
        /// `IC`: insurance card, front.
        InsuranceCard = "IC",
        /// `UB`: utility bill, front.
        UtilityBill = "UB",
        /// `CAAP`: cash advance application, front and back.
        CashAdvanceApplication = "CAAP",
        /// `CRC`: corporate resolution certificate, front and back.
        CorporateResolutionCertificate = "CRC",
        /// `CCS`: credit card statement, front and back.
        CreditCardStatement = "CCS",
        /// `LAG`: lease agreement, front and back.
        LeaseAgreement = "LAG",
        /// `LOAP`: loan application, front and back.
        LoanApplication = "LOAP",
        /// `MOAP`: mortgage application, front and back.
        MortgageApplication = "MOAP",
        /// `TR`: tax return, front and back.
        TaxReturn = "TR",
        /// `VT`: vehicle title, front.
        VehicleTitle = "VT",
        /// `VC`: voided check, front.
        VoidedCheck = "VC",
        /// `STUC`: student card, front.
        StudentCard = "STUC",
        /// `HCC`: health care card, front.
        HealthCareCard = "HCC",
        /// `CB`: council bill, front.
        CouncilBill = "CB",
        /// `SENC`: seniors card, front.
        SeniorsCard = "SENC",
        /// `MEDC`: medicare card, front.
        MedicareCard = "MEDC",
        /// `BC`: birth certificate, front.
        BirthCertificate = "BC",
        /// `WWCC`: working with children check, front.
        WorkingWithChildrenCheck = "WWCC",
        /// `SS`: superannuation statement, front.
        SuperannuationStatement = "SS",
        /// `TAC`: trade association card, front.
        TradeAssociationCard = "TAC",
        /// `SEL`: school enrolment letter, front.
        SchoolEnrolmentLetter = "SEL",
        /// `PB`: phone bill, front.
        PhoneBill = "PB",
        /// `SSC`: social security card, front.
        SocialSecurityCard = "SSC",
        /// `CUSTOM`: a custom document type (see `customDocumentCode`).
        Custom = "CUSTOM",
        /// `OTHER`.
        Other = "OTHER",
    }
}
