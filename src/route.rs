//! The screens and their addresses. The address lives in the URL fragment (`#/learn/…`),
//! so the back button works, links can point at a page, and nothing reaches a server.

/// A screen of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The today screen: check-in, the coach, recent check-ins, data.
    Today,
    /// The learn pages: the list (`None`) or one page by id.
    Learn(Option<String>),
    /// The warning-sign check.
    Check,
    /// Goals, the weekly review, the responder status and the charts.
    Progress,
    /// The first visit (also reachable later).
    Welcome,
    /// The one-page summary for the physiotherapist.
    Summary,
    /// The page for physiotherapists: compose a plan link (not in the main navigation).
    Physio,
    /// "Mere": the language, the data, the diary, the summary, the physio page, the welcome.
    More,
    /// Every check-in, day by day, with edit and delete.
    Diary,
    /// The short welcome after a physio's plan was added: conditions, then the check.
    WelcomePlan,
}

impl Route {
    /// The route of a location fragment (`""`, `"#/"`, `"#/learn/flare-ups"`…). Anything
    /// unknown is the today screen.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.splitn(2, '/');
        match (parts.next().unwrap_or(""), parts.next()) {
            ("learn", None | Some("")) => Route::Learn(None),
            ("learn", Some(id)) => Route::Learn(Some(id.to_string())),
            ("check", _) => Route::Check,
            ("progress", _) => Route::Progress,
            ("welcome", Some("plan")) => Route::WelcomePlan,
            ("welcome", _) => Route::Welcome,
            ("summary", _) => Route::Summary,
            ("physio", _) => Route::Physio,
            ("more", _) => Route::More,
            ("diary", _) => Route::Diary,
            _ => Route::Today,
        }
    }

    /// The fragment of this route, for links.
    pub fn href(&self) -> String {
        match self {
            Route::Today => "#/".into(),
            Route::Learn(None) => "#/learn".into(),
            Route::Learn(Some(id)) => format!("#/learn/{id}"),
            Route::Check => "#/check".into(),
            Route::Progress => "#/progress".into(),
            Route::Welcome => "#/welcome".into(),
            Route::Summary => "#/summary".into(),
            Route::Physio => "#/physio".into(),
            Route::More => "#/more".into(),
            Route::Diary => "#/diary".into(),
            Route::WelcomePlan => "#/welcome/plan".into(),
        }
    }

    /// The bottom tab this screen belongs to (the one marked as current).
    pub fn tab(&self) -> Option<Tab> {
        match self {
            Route::Today => Some(Tab::Today),
            Route::Progress | Route::Diary => Some(Tab::Progress),
            Route::Learn(_) => Some(Tab::Learn),
            Route::More | Route::Summary | Route::Physio => Some(Tab::More),
            Route::Check | Route::Welcome | Route::WelcomePlan => None,
        }
    }

    /// Whether the shell hides its tabs here (the welcome walks the patient through).
    pub fn hides_tabs(&self) -> bool {
        matches!(self, Route::Welcome | Route::WelcomePlan)
    }
}

/// The four destinations of the bottom tab bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// I dag.
    Today,
    /// Fremgang.
    Progress,
    /// Lær.
    Learn,
    /// Mere.
    More,
}

impl Tab {
    /// Every tab, in the order of the bar.
    pub const ALL: [Tab; 4] = [Tab::Today, Tab::Progress, Tab::Learn, Tab::More];

    /// The screen a tab opens.
    pub fn route(self) -> Route {
        match self {
            Tab::Today => Route::Today,
            Tab::Progress => Route::Progress,
            Tab::Learn => Route::Learn(None),
            Tab::More => Route::More,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_reads_back_from_its_own_link() {
        for r in [
            Route::Today,
            Route::Learn(None),
            Route::Learn(Some("flare-ups".into())),
            Route::Check,
            Route::Progress,
            Route::Welcome,
            Route::Summary,
            Route::Physio,
            Route::More,
            Route::Diary,
            Route::WelcomePlan,
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
    }

    #[test]
    fn every_tab_opens_a_screen_that_marks_that_tab() {
        for t in Tab::ALL {
            assert_eq!(t.route().tab(), Some(t));
        }
        assert_eq!(
            Route::Learn(Some("flare-ups".into())).tab(),
            Some(Tab::Learn)
        );
        assert_eq!(Route::Diary.tab(), Some(Tab::Progress));
        assert_eq!(Route::Summary.tab(), Some(Tab::More));
        assert_eq!(Route::Check.tab(), None);
    }

    #[test]
    fn only_the_welcome_hides_the_tabs() {
        assert!(Route::Welcome.hides_tabs());
        assert!(Route::WelcomePlan.hides_tabs());
        assert!(!Route::Today.hides_tabs());
        assert!(!Route::More.hides_tabs());
        assert_eq!(Route::parse("#/welcome"), Route::Welcome);
    }

    #[test]
    fn unknown_or_empty_fragments_and_plan_links_open_the_today_screen() {
        for h in ["", "#", "#/", "#/nowhere", "#plan=v1.abc"] {
            assert_eq!(Route::parse(h), Route::Today, "{h}");
        }
        assert_eq!(Route::parse("#/learn/"), Route::Learn(None));
    }

    #[test]
    fn the_physio_page_has_its_own_address() {
        assert_eq!(Route::parse("#/physio"), Route::Physio);
        assert_eq!(Route::Physio.href(), "#/physio");
        // A plan link is not the physio page: the app shows the plan instead.
        assert_ne!(Route::parse("#plan=v1.abc.def"), Route::Physio);
    }
}
