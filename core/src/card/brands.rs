//! The brand table: ids, names, IIN patterns, lengths, security codes and
//! display gaps.
//!
//! The ids and data of the first fifteen brands are those of the npm
//! `credit-card-type` package (10.3), so strings stored by users of that
//! package keep their meaning. RuPay, UATP and Dankort are scankit's own
//! additions; see the [module docs](super) for where they change a result.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A card brand (scheme).
///
/// The declaration order is the order brands are tried in, which breaks ties
/// between patterns of equal length (see [`super::number`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Brand {
    /// Visa (`visa`).
    Visa,
    /// Mastercard (`mastercard`).
    Mastercard,
    /// American Express (`american-express`).
    AmericanExpress,
    /// Diners Club (`diners-club`).
    DinersClub,
    /// Discover (`discover`).
    Discover,
    /// Troy (`troy`).
    Troy,
    /// JCB (`jcb`).
    Jcb,
    /// UnionPay (`unionpay`).
    Unionpay,
    /// Naranja (`naranja`).
    Naranja,
    /// Verve (`verve`).
    Verve,
    /// RuPay (`rupay`), a scankit addition.
    Rupay,
    /// UATP (`uatp`), a scankit addition.
    Uatp,
    /// Dankort (`dankort`), a scankit addition.
    Dankort,
    /// Maestro (`maestro`).
    Maestro,
    /// Elo (`elo`).
    Elo,
    /// Mir (`mir`).
    Mir,
    /// Hiper (`hiper`).
    Hiper,
    /// Hipercard (`hipercard`).
    Hipercard,
}

/// An IIN pattern: a single prefix, or an inclusive range of prefixes of the
/// same number of digits.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Pattern {
    /// Numbers starting with these digits.
    Prefix(u32),
    /// Numbers whose first digits (as many as `lo` has) lie in `lo..=hi`.
    Range(u32, u32),
}

impl Pattern {
    /// The number of leading digits the pattern looks at; a match on at
    /// least this many digits has this "strength".
    pub const fn len(self) -> u8 {
        let v = match self {
            Pattern::Prefix(p) => p,
            Pattern::Range(lo, _) => lo,
        };
        let mut n = 1;
        let mut x = v / 10;
        while x > 0 {
            n += 1;
            x /= 10;
        }
        n
    }

    /// The inclusive bounds.
    pub const fn bounds(self) -> (u32, u32) {
        match self {
            Pattern::Prefix(p) => (p, p),
            Pattern::Range(lo, hi) => (lo, hi),
        }
    }

    /// Always false: a pattern has at least one digit (clippy wants this
    /// beside `len`).
    pub const fn is_empty(self) -> bool {
        false
    }
}

/// The security code printed on a brand's cards.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize)]
pub struct SecurityCode {
    /// What the brand calls it: CVV, CVC, CID, CVN, CVP2 or CVE.
    pub name: &'static str,
    /// Number of digits.
    pub size: u8,
}

/// Everything known of a brand.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct BrandInfo {
    /// The brand.
    pub brand: Brand,
    /// Stable kebab-case id (as `credit-card-type`'s `type`).
    pub id: &'static str,
    /// Display name (as `credit-card-type`'s `niceType`).
    pub name: &'static str,
    /// IIN patterns, in the order they are tried.
    pub patterns: &'static [Pattern],
    /// Digit positions after which a space goes when the number is displayed.
    pub gaps: &'static [u8],
    /// Valid numbers of digits, ascending.
    pub lengths: &'static [u8],
    /// The security code.
    pub code: SecurityCode,
}

use Pattern::{Prefix as P, Range as R};

const G4: &[u8] = &[4, 8, 12];
const CVV: SecurityCode = SecurityCode {
    name: "CVV",
    size: 3,
};
const CVC: SecurityCode = SecurityCode {
    name: "CVC",
    size: 3,
};

/// Every brand, in the order they are tried.
pub const BRANDS: [BrandInfo; 18] = [
    BrandInfo {
        brand: Brand::Visa,
        id: "visa",
        name: "Visa",
        patterns: &[P(4)],
        gaps: G4,
        lengths: &[16, 18, 19],
        code: CVV,
    },
    BrandInfo {
        brand: Brand::Mastercard,
        id: "mastercard",
        name: "Mastercard",
        patterns: &[
            R(51, 55),
            R(2221, 2229),
            R(223, 229),
            R(23, 26),
            R(270, 271),
            P(2720),
        ],
        gaps: G4,
        lengths: &[16],
        code: CVC,
    },
    BrandInfo {
        brand: Brand::AmericanExpress,
        id: "american-express",
        name: "American Express",
        patterns: &[P(34), P(37)],
        gaps: &[4, 10],
        lengths: &[15],
        code: SecurityCode {
            name: "CID",
            size: 4,
        },
    },
    BrandInfo {
        brand: Brand::DinersClub,
        id: "diners-club",
        name: "Diners Club",
        patterns: &[R(300, 305), P(36), P(38), P(39)],
        gaps: &[4, 10],
        lengths: &[14, 16, 19],
        code: CVV,
    },
    BrandInfo {
        brand: Brand::Discover,
        id: "discover",
        name: "Discover",
        patterns: &[P(6011), R(644, 649), P(65)],
        gaps: G4,
        lengths: &[16, 19],
        code: SecurityCode {
            name: "CID",
            size: 3,
        },
    },
    BrandInfo {
        brand: Brand::Troy,
        id: "troy",
        name: "Troy",
        patterns: TROY,
        gaps: G4,
        lengths: &[16],
        code: CVV,
    },
    BrandInfo {
        brand: Brand::Jcb,
        id: "jcb",
        name: "JCB",
        patterns: &[P(2131), P(1800), R(3528, 3589)],
        gaps: G4,
        lengths: &[16, 17, 18, 19],
        code: CVV,
    },
    BrandInfo {
        brand: Brand::Unionpay,
        id: "unionpay",
        name: "UnionPay",
        patterns: UNIONPAY,
        gaps: G4,
        lengths: &[14, 15, 16, 17, 18, 19],
        code: SecurityCode {
            name: "CVN",
            size: 3,
        },
    },
    BrandInfo {
        brand: Brand::Naranja,
        id: "naranja",
        name: "Naranja",
        patterns: &[P(589562), P(402918), P(527572)],
        gaps: G4,
        lengths: &[16],
        code: CVV,
    },
    BrandInfo {
        brand: Brand::Verve,
        id: "verve",
        name: "Verve",
        patterns: VERVE,
        gaps: G4,
        lengths: &[16, 18, 19],
        code: CVV,
    },
    BrandInfo {
        brand: Brand::Rupay,
        id: "rupay",
        name: "RuPay",
        // NPCI's published IIN ranges. Six digits long, so they beat
        // Discover's `65` and Maestro's `6` and tie Maestro's `506779..508999`.
        patterns: &[
            R(508500, 508999),
            R(606985, 607984),
            R(608001, 608500),
            R(652150, 653149),
        ],
        gaps: G4,
        lengths: &[16],
        code: CVV,
    },
    BrandInfo {
        brand: Brand::Uatp,
        id: "uatp",
        name: "UATP",
        // Airline cards: any 15-digit number starting with 1 except JCB's
        // `1800`, which is longer and so wins.
        patterns: &[P(1)],
        gaps: &[4, 9],
        lengths: &[15],
        code: CVV,
    },
    BrandInfo {
        brand: Brand::Dankort,
        id: "dankort",
        name: "Dankort",
        // Written as a six-digit range so it ties Maestro's
        // `500000..504174` and wins by coming first.
        patterns: &[R(501900, 501999)],
        gaps: G4,
        lengths: &[16],
        code: CVV,
    },
    BrandInfo {
        brand: Brand::Maestro,
        id: "maestro",
        name: "Maestro",
        patterns: &[
            P(493698),
            R(500000, 504174),
            R(504176, 506698),
            R(506779, 508999),
            R(56, 59),
            P(63),
            P(67),
            P(6),
        ],
        gaps: G4,
        lengths: &[12, 13, 14, 15, 16, 17, 18, 19],
        code: CVC,
    },
    BrandInfo {
        brand: Brand::Elo,
        id: "elo",
        name: "Elo",
        patterns: ELO,
        gaps: G4,
        lengths: &[16],
        code: SecurityCode {
            name: "CVE",
            size: 3,
        },
    },
    BrandInfo {
        brand: Brand::Mir,
        id: "mir",
        name: "Mir",
        patterns: &[R(2200, 2204)],
        gaps: G4,
        lengths: &[16, 17, 18, 19],
        code: SecurityCode {
            name: "CVP2",
            size: 3,
        },
    },
    BrandInfo {
        brand: Brand::Hiper,
        id: "hiper",
        name: "Hiper",
        patterns: &[
            P(637095),
            P(63737423),
            P(63743358),
            P(637568),
            P(637599),
            P(637609),
            P(637612),
        ],
        gaps: G4,
        lengths: &[16],
        code: CVC,
    },
    BrandInfo {
        brand: Brand::Hipercard,
        id: "hipercard",
        name: "Hipercard",
        patterns: &[P(606282)],
        gaps: G4,
        lengths: &[16],
        code: CVC,
    },
];

const TROY: &[Pattern] = &[
    P(9792),
    P(650052),
    R(650082, 650083),
    P(650092),
    P(650161),
    P(650170),
    P(650173),
    P(650175),
    P(650268),
    P(650271),
    R(650273, 650274),
    R(650456, 650457),
    P(650836),
    R(650846, 650850),
    P(650923),
    P(650987),
    P(650990),
    P(654997),
    P(657366),
    P(657998),
    P(658758),
    R(658767, 658768),
    R(65083700, 65083704),
    R(65085800, 65085804),
    R(65085900, 65085901),
    P(65086000),
    R(65086100, 65086105),
    R(65086200, 65086203),
    R(65875000, 65875003),
    P(65875009),
    R(65875101, 65875104),
    P(65875200),
    P(65875501),
    P(65875601),
    P(65875900),
    R(65876000, 65876002),
    R(65876100, 65876103),
    P(65876110),
    R(65876115, 65876116),
    R(65876200, 65876201),
    P(65876500),
    R(65876504, 65876505),
    R(65876600, 65876602),
    R(65877100, 65877101),
    R(65877600, 65877602),
    P(65877700),
    R(65877801, 65877802),
    R(65878200, 65878202),
    R(65878300, 65878311),
    R(65878400, 65878405),
    R(65878500, 65878505),
    R(65878600, 65878601),
    P(65879800),
    P(65880800),
    P(65880900),
];

const UNIONPAY: &[Pattern] = &[
    P(620),
    R(62100, 62182),
    R(62184, 62187),
    R(62185, 62197),
    R(62200, 62205),
    R(622010, 622999),
    P(622018),
    R(62207, 62209),
    R(623, 626),
    P(6270),
    P(6272),
    P(6276),
    R(627700, 627779),
    R(627781, 627799),
    R(6282, 6289),
    P(6291),
    P(6292),
    P(810),
    R(8110, 8131),
    R(8132, 8151),
    R(8152, 8163),
    R(8164, 8171),
];

const VERVE: &[Pattern] = &[
    R(506099, 506127),
    P(506129),
    R(506133, 506150),
    R(506158, 506163),
    P(506166),
    P(506168),
    P(506170),
    P(506173),
    R(506176, 506180),
    P(506184),
    R(506187, 506188),
    P(506191),
    P(506195),
    P(506197),
    P(507865),
    P(507866),
    R(507868, 507877),
    R(507880, 507888),
    P(507900),
    P(507941),
];

const ELO: &[Pattern] = &[
    P(401178),
    P(401179),
    P(438935),
    P(457631),
    P(457632),
    P(431274),
    P(451416),
    P(457393),
    P(504175),
    R(506699, 506778),
    R(509000, 509999),
    P(627780),
    P(636297),
    P(636368),
    R(650031, 650033),
    R(650035, 650051),
    R(650405, 650439),
    R(650485, 650538),
    R(650541, 650598),
    R(650700, 650718),
    R(650720, 650727),
    R(650901, 650978),
    R(651652, 651679),
    R(655000, 655019),
    R(655021, 655058),
];

impl Brand {
    /// Every brand, in the order they are tried.
    pub const ALL: [Brand; 18] = [
        Brand::Visa,
        Brand::Mastercard,
        Brand::AmericanExpress,
        Brand::DinersClub,
        Brand::Discover,
        Brand::Troy,
        Brand::Jcb,
        Brand::Unionpay,
        Brand::Naranja,
        Brand::Verve,
        Brand::Rupay,
        Brand::Uatp,
        Brand::Dankort,
        Brand::Maestro,
        Brand::Elo,
        Brand::Mir,
        Brand::Hiper,
        Brand::Hipercard,
    ];

    /// Position in [`Brand::ALL`] (and in [`BRANDS`]).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The brand's table entry.
    pub fn info(self) -> &'static BrandInfo {
        // BRANDS is declared in the same order as the enum; a test checks it.
        &BRANDS[self.index()]
    }

    /// The stable kebab-case id, e.g. `american-express`.
    pub fn id(self) -> &'static str {
        self.info().id
    }

    /// The display name, e.g. `American Express`.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The brand for an id; `None` for an id not in the table.
    pub fn from_id(id: &str) -> Option<Brand> {
        BRANDS.iter().find(|b| b.id == id).map(|b| b.brand)
    }

    /// Whether `len` digits is a valid length for the brand.
    pub fn accepts_length(self, len: usize) -> bool {
        self.info().lengths.iter().any(|&l| usize::from(l) == len)
    }

    /// The longest valid length.
    pub fn max_length(self) -> usize {
        self.info().lengths.last().map_or(19, |&l| usize::from(l))
    }
}

impl fmt::Display for Brand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl Serialize for Brand {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

impl<'de> Deserialize<'de> for Brand {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let id = String::deserialize(d)?;
        Brand::from_id(&id).ok_or_else(|| serde::de::Error::custom("not a known card brand id"))
    }
}

/// A set of brands, as a bit set (no allocation).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct BrandSet(u32);

impl BrandSet {
    /// No brand.
    pub const EMPTY: BrandSet = BrandSet(0);
    /// Every brand.
    pub const ALL: BrandSet = BrandSet((1 << BRANDS.len()) - 1);

    /// Adds a brand.
    pub fn insert(&mut self, brand: Brand) {
        self.0 |= 1 << brand.index();
    }

    /// Whether the set holds `brand`.
    pub fn contains(self, brand: Brand) -> bool {
        self.0 & (1 << brand.index()) != 0
    }

    /// The number of brands in the set.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The set holding only `brand`.
    pub fn only(brand: Brand) -> BrandSet {
        BrandSet(1 << brand.index())
    }

    /// The brands, in the order they are tried.
    pub fn iter(self) -> impl Iterator<Item = Brand> {
        Brand::ALL.into_iter().filter(move |b| self.contains(*b))
    }
}

impl fmt::Debug for BrandSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter().map(Brand::id)).finish()
    }
}

impl Serialize for BrandSet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}
