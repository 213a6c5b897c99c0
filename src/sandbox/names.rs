//! Name pools for the generator: several cultures, each name with the ASCII form emails use.

/// (display, ascii) pairs per culture: first names, then last names.
pub(crate) type Culture = (
    &'static [(&'static str, &'static str)],
    &'static [(&'static str, &'static str)],
);

pub(crate) const CULTURES: [Culture; 10] = [
    (
        &[
            ("Emma", "emma"),
            ("Oliver", "oliver"),
            ("Ava", "ava"),
            ("Noah", "noah"),
            ("Grace", "grace"),
            ("Liam", "liam"),
        ],
        &[
            ("Smith", "smith"),
            ("Walker", "walker"),
            ("O'Brien", "obrien"),
            ("Hughes", "hughes"),
            ("Clarke", "clarke"),
        ],
    ),
    (
        &[
            ("José", "jose"),
            ("María", "maria"),
            ("Lucía", "lucia"),
            ("Álvaro", "alvaro"),
            ("Sofía", "sofia"),
        ],
        &[
            ("García", "garcia"),
            ("Núñez", "nunez"),
            ("Fernández", "fernandez"),
            ("de la Cruz", "delacruz"),
        ],
    ),
    (
        &[
            ("Jürgen", "juergen"),
            ("Lena", "lena"),
            ("Jörg", "joerg"),
            ("Anneliese", "anneliese"),
        ],
        &[
            ("Müller", "mueller"),
            ("Schröder", "schroeder"),
            ("Weiß", "weiss"),
            ("Becker", "becker"),
        ],
    ),
    (
        &[
            ("Ján", "jan"),
            ("Zuzana", "zuzana"),
            ("Ľubomír", "lubomir"),
            ("Katarína", "katarina"),
            ("Tomáš", "tomas"),
        ],
        &[
            ("Novák", "novak"),
            ("Horváthová", "horvathova"),
            ("Kováč", "kovac"),
            ("Šťastný", "stastny"),
        ],
    ),
    (
        &[
            ("Aarav", "aarav"),
            ("Priya", "priya"),
            ("Ananya", "ananya"),
            ("Rohan", "rohan"),
            ("Lakshmi", "lakshmi"),
        ],
        &[
            ("Sharma", "sharma"),
            ("Iyer", "iyer"),
            ("Reddy", "reddy"),
            ("Banerjee", "banerjee"),
        ],
    ),
    (
        &[
            ("陽翔", "haruto"),
            ("さくら", "sakura"),
            ("Yui", "yui"),
            ("蓮", "ren"),
        ],
        &[
            ("佐藤", "sato"),
            ("鈴木", "suzuki"),
            ("Takahashi", "takahashi"),
            ("田中", "tanaka"),
        ],
    ),
    (
        &[
            ("伟", "wei"),
            ("芳", "fang"),
            ("Xiu Ying", "xiuying"),
            ("浩然", "haoran"),
        ],
        &[
            ("王", "wang"),
            ("李", "li"),
            ("Zhang", "zhang"),
            ("陈", "chen"),
        ],
    ),
    (
        &[
            ("محمد", "mohammed"),
            ("Fatima", "fatima"),
            ("Youssef", "youssef"),
            ("ليلى", "layla"),
        ],
        &[
            ("Al-Farsi", "alfarsi"),
            ("حداد", "haddad"),
            ("Mansour", "mansour"),
        ],
    ),
    (
        &[
            ("Chinonso", "chinonso"),
            ("Adaeze", "adaeze"),
            ("Oluwaseun", "oluwaseun"),
            ("Ngozi", "ngozi"),
        ],
        &[("Okafor", "okafor"), ("Adeyemi", "adeyemi"), ("Eze", "eze")],
    ),
    (
        &[
            ("Nguyễn Thị", "thi"),
            ("Đức", "duc"),
            ("Agnieszka", "agnieszka"),
            ("Zoë", "zoe"),
            ("Çağla", "cagla"),
        ],
        &[
            ("Trần", "tran"),
            ("Wiśniewska", "wisniewska"),
            ("Öztürk", "ozturk"),
            ("Ó Súilleabháin", "osullivan"),
        ],
    ),
];

pub(crate) const DOMAINS: [&str; 4] = [
    "example.com",
    "example.org",
    "mail.example.net",
    "corp.example.com",
];
