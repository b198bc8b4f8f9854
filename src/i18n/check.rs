//! The warning-sign check's texts (domain.md §8): the questions ([`sign_key`]), the check
//! screen, the banner and the offer to take the check, and the conditions' names
//! ([`condition_key`]).

use trinvis_core::safety::{Condition, WarningSign};

/// A text key of this area. Names say where the text is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Check {
    Yes,
    No,
    CheckHeading,
    CheckIntro,
    CheckUrgent,
    CheckSoon,
    CheckNone,
    CheckMissing,
    CheckYesTo,
    CheckSummaryNote,
    ClearDoctor,
    ClearPassed,
    ClearedDoctor,
    ClearedPassed,
    ClearedEither,
    ClearUrgentNote,
    BannerUrgent,
    BannerSoon,
    BannerLink,
    BannerLabel,
    Call112,
    CallOwnDoctor,
    CallLaegevagt,
    CallOtherRegions,
    OfferBadDay,
    OfferNewArea,
    OfferLink,
    SignSaddle,
    SignBladder,
    SignStrength,
    SignSevere,
    SignNumb,
    SignFever,
    SignAccident,
    SignStrengthNeck,
    SignNeckCord,
    CondNeck,
    CondLowBack,
    CondSciatica,
    CondNeckRoot,
    CondStenosis,
    CondKnee,
    CondHip,
    CondNotSure,
}

texts! {
    inside Check in Check;
        Yes => ("Ja", "Yes"),
        No => ("Nej", "No"),
        CheckHeading => ("Tjek for advarselstegn", "Check for warning signs"),
        CheckIntro => ("Nogle få tegn betyder, at en læge skal se på dig. Svar ja eller nej til hvert spørgsmål. Det tager et minut.", "A few signs mean that a doctor should see you. Answer yes or no to each question. It takes a minute."),
        CheckUrgent => ("Kontakt en læge nu, ikke først i morgen.", "Contact a doctor now, not tomorrow."),
        CheckSoon => ("Kontakt din egen læge snart, og fortæl, hvad du har svaret ja til.", "Contact your own doctor soon, and say what you answered yes to."),
        CheckNone => ("Du har ikke svaret ja til nogen af tegnene. Kommer et af dem senere, så tag tjekket igen.", "You have not answered yes to any of the signs. If one of them appears later, take the check again."),
        CheckMissing => ("{n} spørgsmål mangler et svar.", "{n} {n:question still needs|questions still need} an answer."),
        CheckYesTo => ("Du har svaret ja til:", "You answered yes to:"),
        CheckSummaryNote => ("Det, du har svaret ja til, kommer også med på oversigten til din fysioterapeut.", "What you answered yes to also appears on the summary for your physiotherapist."),
        ClearDoctor => ("En læge har set på det", "A doctor has looked at it"),
        ClearPassed => ("Det er gået over", "It has passed"),
        ClearedDoctor => ("Du har sagt, at en læge har set på det.", "You said that a doctor has looked at it."),
        ClearedPassed => ("Du har sagt, at det er gået over.", "You said that it has passed."),
        ClearedEither => ("Du har sagt, at det er gået over, eller at en læge har set på det.", "You said that it has passed, or that a doctor has seen it."),
        ClearUrgentNote => ("Et tegn, der betyder \"kontakt en læge nu\", kan kun fjernes, når en læge har set på det.", "A sign that means \"contact a doctor now\" can only be removed once a doctor has looked at it."),
        BannerUrgent => ("Du har svaret ja til et advarselstegn, der betyder: kontakt en læge nu.", "You answered yes to a warning sign that means: contact a doctor now."),
        BannerSoon => ("Du har svaret ja til et advarselstegn. Kontakt din læge.", "You answered yes to a warning sign. Contact your doctor."),
        BannerLink => ("Se, hvad du skal gøre", "See what to do"),
        BannerLabel => ("Advarselstegn", "Warning sign"),
        Call112 => ("Ring {n}, hvis det er akut", "Call {n} in an emergency"),
        CallOwnDoctor => ("Ring til din egen læge. Nummeret står på dit sundhedskort.", "Call your own doctor. The number is on your health card (sundhedskort)."),
        CallLaegevagt => ("Har lægen lukket: ring til lægevagten, i Region Hovedstaden på {n}", "If your doctor is closed: call the out-of-hours doctor (lægevagten), in the Capital Region on {n}"),
        CallOtherRegions => ("I de andre regioner har lægevagten sit eget nummer.", "The other regions have their own number for lægevagten."),
        OfferBadDay => ("Din smerte er steget meget i dag. Tag gerne tjekket for advarselstegn for en sikkerheds skyld.", "Your pain has gone up a lot today. Take the warning-sign check, just to be safe."),
        OfferNewArea => ("Du har nævnt et nyt sted, der gør ondt. Tag gerne tjekket for advarselstegn for en sikkerheds skyld.", "You named a new place that hurts. Take the warning-sign check, just to be safe."),
        OfferLink => ("Tag tjekket", "Take the check"),
        SignSaddle => ("Føler du mindre eller ingenting i skridtet, omkring endetarmsåbningen eller på indersiden af lårene (ridebukseområdet)?", "Do you feel less or nothing in the saddle area: the crotch, around the back passage or on the inner thighs?"),
        SignBladder => ("Er det nyt, at du har svært ved at holde på eller komme af med urin eller afføring? Eller har du mistet din seksuelle funktion?", "Is it new that you have trouble holding or passing urine or stools? Or have you lost sexual function?"),
        SignStrength => ("Har du pludselig mistet kraft, eller bliver kraften ved med at blive mindre, fx i benet eller foden? Eller er det pludselig blevet sværere at gå end før?", "Have you suddenly lost strength, or does your strength keep getting less, for example in the leg or foot? Or has walking suddenly become harder than before?"),
        SignSevere => ("Har du stærke smerter, der bliver ved med at stige og ikke aftager med tiden?", "Do you have severe pain that keeps rising and does not ease over time?"),
        SignNumb => ("Har du følelsesløshed eller snurren, der bliver værre og ikke aftager?", "Do you have numbness or tingling that is getting worse and does not ease?"),
        SignFever => ("Har du feber, eller har du tabt dig uden at kunne forklare hvorfor?", "Do you have a fever, or have you lost weight without knowing why?"),
        SignAccident => ("Begyndte smerterne med et fald eller en anden ulykke?", "Did the pain start with a fall or another accident?"),
        SignStrengthNeck => ("Har du pludselig mistet kraft, eller bliver kraften ved med at blive mindre, fx i armen eller hånden? Eller er det pludselig blevet sværere at gå end før?", "Have you suddenly lost strength, or does your strength keep getting less, for example in the arm or hand? Or has walking suddenly become harder than before?"),
        SignNeckCord => ("Er dine hænder blevet klodsede, går du mere usikkert end før, eller har du følelsesløshed eller snurren i begge arme eller begge ben?", "Have your hands become clumsy, is your walking less steady than before, or do you have numbness or tingling in both arms or both legs?"),
        CondNeck => ("Ondt i nakken", "Neck pain"),
        CondLowBack => ("Ondt i lænden", "Low back pain"),
        CondSciatica => ("Iskias eller nerverodssmerter fra lænden", "Sciatica or nerve-root pain from the low back"),
        CondNeckRoot => ("Nerverodssmerter fra nakken", "Nerve-root pain from the neck"),
        CondStenosis => ("Forsnævring i lænden (spinalstenose)", "Narrowing in the low back (spinal stenosis)"),
        CondKnee => ("Artrose i knæet", "Knee osteoarthritis"),
        CondHip => ("Artrose i hoften", "Hip osteoarthritis"),
        CondNotSure => ("Ved ikke", "Not sure"),
}

/// The question of a warning sign (domain.md §8); `neck`: the neck wording
/// (`safety::neck_wording`: strength lost in the arm or hand).
pub fn sign_key(sign: WarningSign, neck: bool) -> Check {
    match sign {
        WarningSign::SaddleNumbness => Check::SignSaddle,
        WarningSign::BladderBowel => Check::SignBladder,
        WarningSign::StrengthLoss if neck => Check::SignStrengthNeck,
        WarningSign::StrengthLoss => Check::SignStrength,
        WarningSign::SeverePain => Check::SignSevere,
        WarningSign::SpreadingNumbness => Check::SignNumb,
        WarningSign::FeverWeightLoss => Check::SignFever,
        WarningSign::Accident => Check::SignAccident,
        WarningSign::NeckCord => Check::SignNeckCord,
    }
}

/// The name of a condition as the patient reads it.
pub fn condition_key(c: Condition) -> Check {
    match c {
        Condition::NeckPain => Check::CondNeck,
        Condition::LowBackPain => Check::CondLowBack,
        Condition::Sciatica => Check::CondSciatica,
        Condition::NeckNerveRoot => Check::CondNeckRoot,
        Condition::SpinalStenosis => Check::CondStenosis,
        Condition::KneeOsteoarthritis => Check::CondKnee,
        Condition::HipOsteoarthritis => Check::CondHip,
        Condition::NotSure => Check::CondNotSure,
    }
}
