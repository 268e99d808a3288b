//! Requests, sans I/O: URLs per region and endpoint, headers, validation,
//! and secrets kept out of `Debug` and errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // helpers of tests fail loudly

use scankit::retrieval::*;

const REF: &str = "8f2b7c1e-0a6d-4e5b-9c3a-2d1f0e9b8a7c";

fn builder(base: BaseUrls) -> RequestBuilder {
    RequestBuilder::new(
        Credentials::new("api-token", "s3cr3t-value").unwrap(),
        UserAgent::new("Example Corp SampleApp/1.0.1").unwrap(),
        base,
    )
}

#[test]
fn hosts_of_every_region_and_service() {
    let cases = [
        (
            Region::Us,
            "https://netverify.com",
            "https://retrieval.netverify.com",
            "https://bam-retrieval.jumio.com",
        ),
        (
            Region::Eu,
            "https://lon.netverify.com",
            "https://retrieval.lon.netverify.com",
            "https://bam-retrieval.lon.jumio.com",
        ),
        (
            Region::Sgp,
            "https://core-sgp.jumio.com",
            "https://retrieval.core-sgp.jumio.com",
            "https://bam-retrieval.core-sgp.jumio.com",
        ),
    ];
    for (region, id, dv, cc) in cases {
        let b = builder(BaseUrls::region(region));
        let url = |e: Endpoint| b.build(e, REF).unwrap().url;
        assert_eq!(
            url(Endpoint::ScanStatus),
            format!("{id}/api/netverify/v2/scans/{REF}")
        );
        assert_eq!(
            url(Endpoint::Authentication),
            format!("{id}/api/netverify/v2/authentications/{REF}")
        );
        assert_eq!(
            url(Endpoint::DvStatus),
            format!("{dv}/api/netverify/v2/documents/{REF}")
        );
        assert_eq!(
            url(Endpoint::CreditCard(MaskHint::Masked)),
            format!("{cc}/api/netswipe/v1/scans/{REF}/creditCard")
        );
    }
}

#[test]
fn every_endpoint_path() {
    let b = builder(BaseUrls::single("http://127.0.0.1:9/prefix/").unwrap());
    let s = format!("http://127.0.0.1:9/prefix/api/netverify/v2/scans/{REF}");
    let a = format!("http://127.0.0.1:9/prefix/api/netverify/v2/authentications/{REF}");
    let d = format!("http://127.0.0.1:9/prefix/api/netverify/v2/documents/{REF}");
    let c = format!("http://127.0.0.1:9/prefix/api/netswipe/v1/scans/{REF}");
    let cases = [
        (Endpoint::ScanStatus, s.clone(), "GET"),
        (Endpoint::ScanDetails, format!("{s}/data"), "GET"),
        (Endpoint::ScanDocument, format!("{s}/data/document"), "GET"),
        (
            Endpoint::ScanTransaction,
            format!("{s}/data/transaction"),
            "GET",
        ),
        (
            Endpoint::ScanVerification,
            format!("{s}/data/verification"),
            "GET",
        ),
        (Endpoint::ScanImages, format!("{s}/images"), "GET"),
        (
            Endpoint::ScanImage(ImageClassifier::Back),
            format!("{s}/images/back"),
            "GET",
        ),
        (
            Endpoint::ScanLivenessImage(3),
            format!("{s}/images/liveness/3"),
            "GET",
        ),
        (Endpoint::Authentication, a.clone(), "GET"),
        (
            Endpoint::AuthenticationImage(ImageClassifier::Face),
            format!("{a}/images/face"),
            "GET",
        ),
        (
            Endpoint::AuthenticationLivenessImage(1),
            format!("{a}/images/liveness/1"),
            "GET",
        ),
        (Endpoint::DvStatus, d.clone(), "GET"),
        (Endpoint::DvDetails, format!("{d}/data"), "GET"),
        (Endpoint::DvDocument, format!("{d}/data/document"), "GET"),
        (
            Endpoint::DvTransaction,
            format!("{d}/data/transaction"),
            "GET",
        ),
        (Endpoint::DvPages, format!("{d}/pages"), "GET"),
        (
            Endpoint::DvPage(101, MaskHint::Masked),
            format!("{d}/pages/101"),
            "GET",
        ),
        (
            Endpoint::DvPage(101, MaskHint::Unmasked),
            format!("{d}/pages/101?maskhint=unmasked"),
            "GET",
        ),
        (
            Endpoint::CreditCard(MaskHint::Unmasked),
            format!("{c}/creditCard?maskhint=unmasked"),
            "GET",
        ),
        (
            Endpoint::CreditCardFront(MaskHint::Masked),
            format!("{c}/images/front"),
            "GET",
        ),
        (Endpoint::DeleteScan, s, "DELETE"),
        (Endpoint::DeleteAuthentication, a, "DELETE"),
        (Endpoint::DeleteDocument, d, "DELETE"),
    ];
    for (endpoint, url, method) in cases {
        let r = b.build(endpoint.clone(), REF).unwrap();
        assert_eq!(
            (r.url.as_str(), r.method.as_str()),
            (url.as_str(), method),
            "{endpoint:?}"
        );
    }
}

#[test]
fn headers_basic_auth_accept_and_user_agent() {
    let b = builder(BaseUrls::default());
    let r = b.build(Endpoint::ScanDetails, REF).unwrap();
    let headers = r.headers();
    assert_eq!(headers[0], ("Accept", "application/json"));
    assert_eq!(headers[1], ("User-Agent", "Example Corp SampleApp/1.0.1"));
    // base64("api-token:s3cr3t-value")
    assert_eq!(
        headers[2],
        ("Authorization", "Basic YXBpLXRva2VuOnMzY3IzdC12YWx1ZQ==")
    );
    let image = b
        .build(Endpoint::ScanImage(ImageClassifier::Front), REF)
        .unwrap();
    assert_eq!(image.accept, "image/jpeg, image/png");
    let vectors = [
        ("a", "b", "YTpi"),
        ("ab", "cd", "YWI6Y2Q="),
        ("abc", "de", "YWJjOmRl"),
    ];
    for (t, s, e) in vectors {
        let header = Credentials::new(t, s).unwrap().authorization();
        assert_eq!(header.expose(), format!("Basic {e}"));
    }
}

#[test]
fn secrets_never_in_debug_or_errors() {
    let creds = Credentials::new("api-token", "s3cr3t-value").unwrap();
    let b = builder(BaseUrls::default());
    let r = b.build(Endpoint::ScanStatus, REF).unwrap();
    for shown in [format!("{creds:?}"), format!("{b:?}"), format!("{r:?}")] {
        assert!(!shown.contains("s3cr3t"), "{shown}");
        assert!(!shown.contains("YXBpLXRva2VuOnMzY3IzdC12YWx1ZQ"), "{shown}");
    }
    let err = Credentials::new("tok", "bad\nsecret").unwrap_err();
    assert!(!err.to_string().contains("secret\n"));
    assert_eq!(
        Credentials::new("to:ken", "x").unwrap_err(),
        RequestError::Token
    );
    assert_eq!(Credentials::new("", "x").unwrap_err(), RequestError::Token);
    assert_eq!(Credentials::new("t", "").unwrap_err(), RequestError::Secret);
}

#[test]
fn user_agent_validation() {
    for ok in [
        "Example Corp SampleApp/1.0.1",
        "YourCompany YourApp/v1.0",
        "Acme Checkout/2",
        "ACME Inc. Onboarding-Service/10.4.0-beta.1",
    ] {
        assert!(UserAgent::new(ok).is_ok(), "{ok}");
    }
    for bad in [
        "",
        "SampleApp/1.0",
        "Example Corp SampleApp",
        "Example Corp SampleApp/",
        "Example Corp /1.0",
        "Example Corp SampleApp/beta",
        " Example SampleApp/1.0",
        "Example  SampleApp/1.0",
        "Example Corp Sample App/1.0 ",
        "Exämple SampleApp/1.0",
        "Example\tCorp SampleApp/1.0",
        "Example Corp\r\nX-Injected: 1 SampleApp/1.0",
    ] {
        assert_eq!(UserAgent::new(bad), Err(RequestError::UserAgent), "{bad:?}");
    }
    assert!(UserAgent::new(format!("{} App/1.0", "A".repeat(200))).is_err());
}

#[test]
fn references_cannot_change_the_path() {
    let b = builder(BaseUrls::default());
    for bad in [
        "",
        "../admin",
        "a/b",
        "a?b",
        "a b",
        "%2e%2e",
        &"a".repeat(37),
    ] {
        assert!(
            matches!(
                b.build(Endpoint::ScanStatus, bad),
                Err(RequestError::PathValue { .. })
            ),
            "{bad:?}"
        );
    }
    let odd = Endpoint::ScanImage(ImageClassifier::Unknown("../../x".into()));
    assert!(b.build(odd, REF).is_err());
}

#[test]
fn base_urls_are_checked_and_overridable() {
    for bad in [
        "ftp://x",
        "http://",
        "https:///x",
        "http://u:p@host",
        "http://h/?q",
        "netverify.com",
    ] {
        assert_eq!(BaseUrls::single(bad), Err(RequestError::BaseUrl), "{bad}");
    }
    let base = BaseUrls::region(Region::Eu)
        .with(Service::CreditCard, "http://127.0.0.1:8080")
        .unwrap();
    assert_eq!(base.get(Service::CreditCard), "http://127.0.0.1:8080");
    assert_eq!(
        base.get(Service::IdVerification),
        "https://lon.netverify.com"
    );
}

#[test]
fn following_hrefs_only_to_known_hosts() {
    let b = builder(BaseUrls::region(Region::Us));
    let href = format!("https://netverify.com/api/netverify/v2/scans/{REF}/images/front");
    let r = b
        .follow(Endpoint::ScanImage(ImageClassifier::Front), &href)
        .unwrap();
    assert_eq!(r.url, href);
    for other in [
        "https://evil.example/api/netverify/v2/scans/x",
        "https://netverify.com.evil.example/x",
        "https://netverify.com",
    ] {
        assert!(b.follow(Endpoint::ScanDetails, other).is_none(), "{other}");
    }
}
