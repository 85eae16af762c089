//! Names for generated people: common first names and surnames across the
//! languages families at a US clinic speak, combined by the seeded RNG.

use rand::{Rng, rngs::StdRng};

const FIRST: &[&str] = &[
    "Ana", "Maria", "Sofia", "Lucia", "Emma", "Olivia", "Ava", "Mia", "Grace", "Amina", "Fatima",
    "Mei", "Priya", "Aisha", "Chloe", "Zoe", "Hana", "Leila", "Rosa", "Elena", "James", "Luis",
    "Carlos", "Wei", "Omar", "David", "Daniel", "Samuel", "Noah", "Liam", "Mateo", "Ali", "Kwame",
    "Hiro", "Ivan", "Jorge", "Ahmed", "Ben", "Tom", "Raj",
];

const CHILD: &[&str] = &[
    "Leo", "Maya", "Eli", "Nora", "Theo", "Lila", "Max", "Iris", "Sam", "Ruby", "Finn", "Zara",
    "Ezra", "Luna", "Kai", "Ava", "Jude", "Mila", "Omar", "Sofía", "Mateo", "Amara", "Yusuf",
    "Aria", "Niko", "Ivy",
];

const LAST: &[&str] = &[
    "Rivera", "Garcia", "Chen", "Okafor", "Brown", "Hassan", "Nguyen", "Patel", "Kim", "Smith",
    "Johnson", "Lopez", "Martinez", "Ali", "Khan", "Silva", "Müller", "Rossi", "Cohen", "Wang",
    "Mensah", "Sato", "Novak", "Ortiz", "Reyes", "Haddad", "Lee", "Walker", "Young", "Diaz",
];

pub fn surname(rng: &mut StdRng) -> &'static str {
    LAST[rng.random_range(0..LAST.len())]
}

pub fn adult(rng: &mut StdRng) -> &'static str {
    FIRST[rng.random_range(0..FIRST.len())]
}

pub fn child(rng: &mut StdRng) -> &'static str {
    CHILD[rng.random_range(0..CHILD.len())]
}

/// An address no one else generated has: the clinic and household number are in it.
pub fn email(first: &str, clinic: usize, household: usize, n: usize) -> String {
    let first: String = first.chars().filter(char::is_ascii_alphabetic).collect();
    format!("{}.c{clinic}h{household}p{n}@example.org", first.to_lowercase())
}
