//! The texts of the first visit (the welcome): what Trinvis is and is not, the steps.

/// A text key of this area. Names say where the text is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Welcome {
    WelcomeHeading,
    WelcomeWhat,
    WelcomeNot,
    WelcomePrivate,
    WelcomeStep,
    ConditionsLegend,
    ConditionsHint,
    WelcomeCheckIn,
    WelcomeActivity,
    WelcomeActivityHint,
    Next,
    Skip,
    Finish,
    SkipWelcome,
    WelcomeAgain,
}

texts! {
    apart Welcome in Welcome;
        WelcomeHeading => ("Velkommen til Trinvis", "Welcome to Trinvis"),
        WelcomeWhat => ("Trinvis er en træner, der hjælper dig med selv at styre dine smerter, trin for trin. Den er tænkt som hjemmetræning mellem dine besøg hos fysioterapeuten.", "Trinvis is a coach that helps you manage your pain yourself, step by step. It is meant to support your training at home between physiotherapy appointments."),
        WelcomeNot => ("Trinvis stiller ingen diagnose og er ikke en læge. Er du i tvivl, så spørg din læge eller fysioterapeut.", "Trinvis makes no diagnosis and is not a doctor. If in doubt, ask your doctor or physiotherapist."),
        WelcomePrivate => ("Alt, hvad du skriver, bliver på denne enhed. Der er ingen konto, og intet bliver sendt nogen steder hen.", "Everything you write stays on this device. There is no account, and nothing is sent anywhere."),
        WelcomeStep => ("Trin {n} af {of}", "Step {n} of {of}"),
        ConditionsLegend => ("Hvad drejer det sig om? Vælg en eller flere.", "What is it about? Choose one or more."),
        ConditionsHint => ("Dit valg bestemmer, hvilke sider du ser først. Du kan altid ændre det.", "Your choice decides which pages you see first. You can always change it."),
        WelcomeCheckIn => ("Dit første check-in", "Your first check-in"),
        WelcomeActivity => ("En første aktivitet, hvis du har lyst", "A first activity, if you like"),
        WelcomeActivityHint => ("Fx en gåtur. Du kan også gøre det senere.", "For example a walk. You can also do it later."),
        Next => ("Næste", "Next"),
        Skip => ("Spring over", "Skip"),
        Finish => ("Færdig", "Done"),
        SkipWelcome => ("Spring velkomsten over", "Skip the welcome"),
        WelcomeAgain => ("Velkomst og valg af tilstand", "Welcome and choice of condition"),
}
