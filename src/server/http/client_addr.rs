//! Which address a request came from, for limits kept per client (failed sign-ins, failed API
//! key checks). Worked out only where such a limit is applied, not for every request.
//!
//! By default that is the TCP peer. Behind a reverse proxy every request's peer is the proxy,
//! so addresses listed in `PLUGBOARD_TRUSTED_PROXIES` are looked through: their
//! `X-Forwarded-For` is read from the right, and the first address that is not a trusted proxy
//! is the client. A header from anyone else is ignored, since a client can write any header.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::{extract::ConnectInfo, http::request::Parts};

/// The client address of the request whose head is `parts`, looking through `trusted` proxies.
pub fn of_request(parts: &Parts, trusted: &[IpAddr]) -> IpAddr {
    // No peer only where the router is called without a socket (a test's oneshot).
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |info| info.0.ip());
    let forwarded = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    client_of(peer, &forwarded, trusted)
}

/// The client behind `peer`: `peer` itself unless it is a trusted proxy.
fn client_of(peer: IpAddr, forwarded_for: &str, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let mut client = peer;
    for hop in forwarded_for.rsplit(',') {
        let Ok(hop) = hop.trim().parse::<IpAddr>() else {
            // Not an address: whatever stands left of it cannot be trusted either.
            break;
        };
        client = hop;
        if !trusted.contains(&hop) {
            break;
        }
    }
    client
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn without_trusted_proxies_the_peer_is_the_client_whatever_the_header_says() {
        assert_eq!(
            client_of(ip("203.0.113.9"), "10.0.0.1", &[]),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_nearest_untrusted_forwarded_address_is_the_client() {
        let proxies = [ip("10.0.0.2"), ip("10.0.0.3")];
        // The left part is what the client wrote itself; only the proxies' additions count.
        let forwarded = "198.51.100.7, 203.0.113.9, 10.0.0.3";
        assert_eq!(
            client_of(ip("10.0.0.2"), forwarded, &proxies),
            ip("203.0.113.9")
        );
    }

    #[test]
    fn a_trusted_proxy_without_a_usable_header_is_taken_as_the_client() {
        let proxies = [ip("10.0.0.2")];
        assert_eq!(client_of(ip("10.0.0.2"), "", &proxies), ip("10.0.0.2"));
        assert_eq!(
            client_of(ip("10.0.0.2"), "garbage", &proxies),
            ip("10.0.0.2")
        );
    }

    #[test]
    fn an_untrusted_peer_cannot_choose_its_address_with_the_header() {
        let proxies = [ip("10.0.0.2")];
        assert_eq!(
            client_of(ip("203.0.113.9"), "10.0.0.2, 1.2.3.4", &proxies),
            ip("203.0.113.9")
        );
    }
}
