//! Every text a person reads comes from the Fluent files in `locales/`.
//! The language is chosen per request: a signed-in person's own choice, else
//! the `lang` cookie (set by the switcher in the footer), then the browser's
//! `Accept-Language`, then English.

use std::{borrow::Cow, collections::HashMap, sync::Arc};

use axum::{extract::FromRequestParts, http::request::Parts};
use carryover_domain::zone::ClinicZone;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use unic_langid::{LanguageIdentifier, langid};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The same language as the domain names it.
    pub fn language(self) -> carryover_domain::people::Language {
        match self {
            Lang::En => carryover_domain::people::Language::En,
            Lang::Es => carryover_domain::people::Language::Es,
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::En => langid!("en"),
            Lang::Es => langid!("es"),
        }
    }

    /// Picks the first supported language of an `Accept-Language` header, by weight.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut choices: Vec<(f32, Lang)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let lang = Lang::parse(pieces.next()?)?;
                let weight = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                (weight > 0.0).then_some((weight, lang))
            })
            .collect();
        choices.sort_by(|a, b| b.0.total_cmp(&a.0));
        choices.first().map(|c| c.1)
    }
}

pub const EN_FTL: &str = include_str!("../locales/en/main.ftl");
pub const ES_FTL: &str = include_str!("../locales/es/main.ftl");

/// The loaded bundles, shared by every request.
pub struct Catalog {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Catalog")
    }
}

impl Catalog {
    pub fn load() -> anyhow::Result<Catalog> {
        let mut bundles = HashMap::new();
        for (lang, source) in [(Lang::En, EN_FTL), (Lang::Es, ES_FTL)] {
            let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
                anyhow::anyhow!("{} translations: {errors:?}", lang.code())
            })?;
            let mut bundle = FluentBundle::new_concurrent(vec![lang.langid()]);
            // Isolation marks would end up inside HTML attributes and test assertions.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .map_err(|errors| anyhow::anyhow!("{} translations: {errors:?}", lang.code()))?;
            bundles.insert(lang, bundle);
        }
        Ok(Catalog { bundles })
    }

    pub fn text(&self, lang: Lang, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let Some(bundle) = self.bundles.get(&lang) else {
            return key.to_owned();
        };
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            tracing::error!(key, lang = lang.code(), "missing translation");
            return key.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        let mut errors = Vec::new();
        let text: Cow<'_, str> = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            tracing::error!(key, lang = lang.code(), ?errors, "translation failed to format");
        }
        text.into_owned()
    }
}

/// A request's language with the catalog: what templates call `t.get("key")` on.
#[derive(Clone, Debug)]
pub struct Tr {
    pub lang: Lang,
    catalog: Arc<Catalog>,
    /// Dates and times are shown in the reader's clinic's zone.
    zone: ClinicZone,
}

impl Tr {
    pub fn new(lang: Lang, catalog: Arc<Catalog>) -> Tr {
        Tr { lang, catalog, zone: ClinicZone::utc() }
    }

    /// The same translations, showing times in `zone`.
    pub fn in_zone(mut self, zone: ClinicZone) -> Tr {
        self.zone = zone;
        self
    }

    pub fn zone(&self) -> &ClinicZone {
        &self.zone
    }

    pub fn get(&self, key: &str) -> String {
        self.catalog.text(self.lang, key, &[])
    }

    pub fn with(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        self.catalog.text(self.lang, key, args)
    }

    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    /// A text with one `$name` in it.
    pub fn with_name(&self, key: &str, name: &str) -> String {
        self.with(key, &[("name", name.to_owned().into())])
    }
}

/// The language a request asks for, before any signed-in person's preference.
pub fn negotiate(parts: &Parts) -> Lang {
    negotiate_headers(&parts.headers)
}

/// [`negotiate`] on the headers alone, for the edge layer.
pub fn negotiate_headers(headers: &axum::http::HeaderMap) -> Lang {
    let cookie = headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix("lang=").and_then(Lang::parse));
    cookie
        .or_else(|| {
            headers
                .get(axum::http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or(Lang::En)
}

impl FromRequestParts<crate::AppState> for Tr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &crate::AppState,
    ) -> Result<Self, Self::Rejection> {
        let caller = parts.extensions.get::<crate::auth::Caller>();
        let lang =
            caller.and_then(|c| Lang::parse(&c.person.lang)).unwrap_or_else(|| negotiate(parts));
        let tr = Tr::new(lang, state.catalog.clone());
        Ok(match caller {
            Some(caller) => tr.in_zone(caller.zone.clone()),
            None => tr,
        })
    }
}
