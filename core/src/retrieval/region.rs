//! Data centres and the base URL of each service in them.

use super::request::RequestError;

/// The data centre an account lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Region {
    /// United States.
    #[default]
    Us,
    /// European Union (London).
    Eu,
    /// Singapore.
    Sgp,
}

/// The three retrieval services; each has its own host per region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Service {
    /// ID Verification (Netverify) and Authentication: `/api/netverify/v2/scans|authentications/…`.
    IdVerification,
    /// Document Verification: `/api/netverify/v2/documents/…`.
    DocumentVerification,
    /// Credit Card (Netswipe): `/api/netswipe/v1/scans/…`.
    CreditCard,
}

impl Region {
    /// The provider's base URL (scheme and host, no trailing slash) of a service.
    pub fn base_url(self, service: Service) -> &'static str {
        use Region::*;
        use Service::*;
        match (service, self) {
            (IdVerification, Us) => "https://netverify.com",
            (IdVerification, Eu) => "https://lon.netverify.com",
            (IdVerification, Sgp) => "https://core-sgp.jumio.com",
            (DocumentVerification, Us) => "https://retrieval.netverify.com",
            (DocumentVerification, Eu) => "https://retrieval.lon.netverify.com",
            (DocumentVerification, Sgp) => "https://retrieval.core-sgp.jumio.com",
            (CreditCard, Us) => "https://bam-retrieval.jumio.com",
            (CreditCard, Eu) => "https://bam-retrieval.lon.jumio.com",
            (CreditCard, Sgp) => "https://bam-retrieval.core-sgp.jumio.com",
        }
    }
}

/// The base URL of each service: a region's, or overridden (the sandbox, a proxy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrls {
    id_verification: String,
    document_verification: String,
    credit_card: String,
}

impl BaseUrls {
    /// The provider's URLs for a region.
    pub fn region(region: Region) -> Self {
        BaseUrls {
            id_verification: region.base_url(Service::IdVerification).to_owned(),
            document_verification: region.base_url(Service::DocumentVerification).to_owned(),
            credit_card: region.base_url(Service::CreditCard).to_owned(),
        }
    }

    /// One base URL for every service, as the sandbox serves them
    /// (e.g. `http://127.0.0.1:8080`; a path prefix is kept).
    pub fn single(base: &str) -> Result<Self, RequestError> {
        let base = check_base(base)?;
        Ok(BaseUrls {
            id_verification: base.clone(),
            document_verification: base.clone(),
            credit_card: base,
        })
    }

    /// Overrides the base URL of one service.
    pub fn with(mut self, service: Service, base: &str) -> Result<Self, RequestError> {
        let base = check_base(base)?;
        match service {
            Service::IdVerification => self.id_verification = base,
            Service::DocumentVerification => self.document_verification = base,
            Service::CreditCard => self.credit_card = base,
        }
        Ok(self)
    }

    /// The base URL of a service, without a trailing slash.
    pub fn get(&self, service: Service) -> &str {
        match service {
            Service::IdVerification => &self.id_verification,
            Service::DocumentVerification => &self.document_verification,
            Service::CreditCard => &self.credit_card,
        }
    }
}

impl Default for BaseUrls {
    fn default() -> Self {
        BaseUrls::region(Region::Us)
    }
}

/// `http(s)://host[:port][/prefix]`, printable ASCII, no query or fragment.
fn check_base(base: &str) -> Result<String, RequestError> {
    let rest = base
        .strip_prefix("https://")
        .or_else(|| base.strip_prefix("http://"));
    let ok = rest.is_some_and(|r| {
        !r.is_empty() && !r.starts_with('/') && r.bytes().all(|b| b.is_ascii_graphic())
    }) && !base.contains(['?', '#', '@']);
    if ok {
        Ok(base.trim_end_matches('/').to_owned())
    } else {
        Err(RequestError::BaseUrl)
    }
}
