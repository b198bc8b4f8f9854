//! The learn screen's own texts (domain.md §9): the index, loading, the frame around a
//! page. The pages themselves are data (public/learn/*.json), not in the wasm.

/// A text key of this area. Names say where the text is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Learn {
    LearnHeading,
    LearnIntro,
    LearnYours,
    LearnGeneral,
    LearnOther,
    LearnLoading,
    LearnFailed,
    LearnSource,
    LearnHidden,
    LearnPageHidden,
    LearnBack,
    LearnNotFound,
    LearnReadingTime,
}

texts! {
    apart Learn in Learn;
        LearnHeading => ("Lær om smerter", "Learn about pain"),
        LearnIntro => ("Korte sider om din tilstand og om smerter i det hele taget. Læs det, der giver mening for dig.", "Short pages about your condition and about pain in general. Read what makes sense to you."),
        LearnYours => ("Om det, du har valgt", "About what you chose"),
        LearnGeneral => ("Om smerter og træning", "About pain and exercise"),
        LearnOther => ("Andre tilstande", "Other conditions"),
        LearnLoading => ("Henter siderne …", "Loading the pages …"),
        LearnFailed => ("Siderne kunne ikke hentes. Prøv igen, når du har forbindelse til nettet.", "The pages could not be loaded. Try again when you are online."),
        LearnSource => ("Kilde: {source}", "Source: {source}"),
        LearnHidden => ("Nogle beroligende afsnit er skjult, fordi du har svaret ja til et advarselstegn. Tal med en læge først.", "Some reassuring passages are hidden because you answered yes to a warning sign. Talk to a doctor first."),
        LearnPageHidden => ("Siden vises ikke lige nu", "This page is not shown now"),
        LearnBack => ("Alle sider", "All pages"),
        LearnNotFound => ("Siden findes ikke. Vælg en side på listen.", "That page does not exist. Choose a page from the list."),
        LearnReadingTime => ("Læsetid: ca. {minutes} min.", "Reading time: about {minutes} min."),
}
