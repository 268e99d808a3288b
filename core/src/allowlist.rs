//! Callback source check: the provider's published callback IP addresses per
//! data center, as a replaceable allowlist.
//!
//! The provider changes these addresses; the spec says to look up
//! `callback.jumio.com` (US) and `callback.lon.jumio.com` (EU) for the current
//! ones. Resolve those names in your own I/O layer and [`SharedAllowlist::replace`]
//! the list at run time; the defaults are the spec's.

use ipnet::IpNet;
use std::net::IpAddr;
use std::str::FromStr;
use std::sync::{Arc, RwLock};

/// The spec's US data center callback addresses.
pub const US_CALLBACK_IPS: &[&str] = &[
    "34.202.241.227",
    "34.226.103.119",
    "34.226.254.127",
    "52.52.51.178",
    "52.53.95.123",
    "54.67.101.173",
    "104.130.61.196",
    "146.20.77.156",
    "184.106.91.66",
    "184.106.91.67",
];

/// The spec's EU data center callback addresses.
pub const EU_CALLBACK_IPS: &[&str] = &[
    "34.253.41.236",
    "35.157.27.193",
    "52.48.0.25",
    "52.57.194.92",
    "52.58.113.86",
    "52.209.180.134",
    "162.13.228.132",
    "162.13.228.134",
    "162.13.229.103",
    "162.13.229.104",
];

/// Host names that resolve to the current callback addresses.
pub const CALLBACK_HOSTNAMES: &[&str] = &["callback.jumio.com", "callback.lon.jumio.com"];

/// An entry of an allowlist that is neither an IP address nor a CIDR network.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("allowlist entry {index}: expected an IP address or a CIDR network such as 10.0.0.0/8")]
pub struct AllowlistError {
    /// 0-based position of the bad entry.
    pub index: usize,
}

/// A set of allowed source networks (IPv4 and IPv6).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowlist {
    nets: Vec<IpNet>,
}

impl Default for Allowlist {
    /// The spec's US and EU addresses.
    fn default() -> Self {
        let mut nets = Vec::new();
        for ip in US_CALLBACK_IPS.iter().chain(EU_CALLBACK_IPS) {
            if let Ok(addr) = IpAddr::from_str(ip) {
                nets.push(IpNet::from(addr));
            }
        }
        Allowlist { nets }
    }
}

impl Allowlist {
    /// A list from addresses and CIDR networks (`"34.202.241.227"`, `"2001:db8::/32"`).
    pub fn from_entries<S: AsRef<str>>(entries: &[S]) -> Result<Self, AllowlistError> {
        let nets = entries
            .iter()
            .enumerate()
            .map(|(index, e)| parse_entry(e.as_ref()).ok_or(AllowlistError { index }))
            .collect::<Result<_, _>>()?;
        Ok(Allowlist { nets })
    }

    /// This list plus the loopback networks (127.0.0.0/8, ::1), for local demos and tests.
    pub fn with_loopback(mut self) -> Self {
        self.nets.extend(
            ["127.0.0.0/8", "::1/128"]
                .iter()
                .filter_map(|e| parse_entry(e)),
        );
        self
    }

    /// Whether `ip` may send callbacks. An IPv4-mapped IPv6 address
    /// (`::ffff:34.202.241.227`, as a dual-stack socket reports it) is
    /// checked as the IPv4 address it carries.
    pub fn is_allowed(&self, ip: IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            v4 => v4,
        };
        self.nets.iter().any(|n| n.contains(&ip))
    }

    /// Parses `ip` and checks it; text that is not an IP address is not allowed.
    pub fn is_allowed_str(&self, ip: &str) -> bool {
        IpAddr::from_str(ip.trim()).is_ok_and(|ip| self.is_allowed(ip))
    }

    /// The networks, as text.
    pub fn entries(&self) -> Vec<String> {
        self.nets.iter().map(|n| n.to_string()).collect()
    }
}

fn parse_entry(entry: &str) -> Option<IpNet> {
    let entry = entry.trim();
    let net = IpNet::from_str(entry)
        .ok()
        .or_else(|| IpAddr::from_str(entry).ok().map(IpNet::from))?;
    Some(unmapped(net))
}

/// An IPv4-mapped IPv6 entry (`::ffff:34.202.241.227`, `::ffff:10.0.0.0/104`)
/// as the IPv4 network it stands for: [`Allowlist::is_allowed`] checks mapped
/// addresses as IPv4, so a mapped entry would otherwise never match.
fn unmapped(net: IpNet) -> IpNet {
    let IpNet::V6(v6) = net else { return net };
    match (v6.addr().to_ipv4_mapped(), v6.prefix_len().checked_sub(96)) {
        (Some(v4), Some(prefix)) => {
            ipnet::Ipv4Net::new(v4, prefix).map_or(net, |n| IpNet::V4(n.trunc()))
        }
        _ => net,
    }
}

/// An allowlist shared between a server's request handlers and whatever
/// refreshes it, replaceable while requests are checked.
#[derive(Debug, Clone, Default)]
pub struct SharedAllowlist {
    current: Arc<RwLock<Arc<Allowlist>>>,
}

impl SharedAllowlist {
    /// Shares `list`.
    pub fn new(list: Allowlist) -> Self {
        SharedAllowlist {
            current: Arc::new(RwLock::new(Arc::new(list))),
        }
    }

    /// Replaces the list for every holder of this handle.
    pub fn replace(&self, list: Allowlist) {
        let mut guard = self.current.write().unwrap_or_else(|e| e.into_inner());
        *guard = Arc::new(list);
    }

    /// The list in force now.
    pub fn current(&self) -> Arc<Allowlist> {
        self.current
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Whether `ip` may send callbacks under the list in force now.
    pub fn is_allowed(&self, ip: IpAddr) -> bool {
        self.current().is_allowed(ip)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_mapped_entries_match_like_their_ipv4_form() {
        let list = Allowlist::from_entries(&["::ffff:34.202.241.227", "::ffff:10.0.0.0/104"])
            .unwrap_or_else(|e| unreachable!("{e}"));
        assert_eq!(list.entries(), ["34.202.241.227/32", "10.0.0.0/8"]);
        for ip in [
            "34.202.241.227",
            "::ffff:34.202.241.227",
            "10.1.2.3",
            "::ffff:10.9.9.9",
        ] {
            assert!(list.is_allowed_str(ip), "{ip}");
        }
        assert!(!list.is_allowed_str("34.202.241.228"));
        // A plain IPv6 network is left as it is.
        let v6 =
            Allowlist::from_entries(&["2001:db8::/32"]).unwrap_or_else(|e| unreachable!("{e}"));
        assert!(v6.is_allowed_str("2001:db8::1"));
    }
}
