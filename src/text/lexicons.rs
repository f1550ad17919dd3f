//! The phrase and word lists shipped with planlint, one data file each under
//! `lexicon/`.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::{PhraseList, lexicon_lines};

macro_rules! lexicon {
    ($(#[$doc:meta])* $name:ident, $file:literal) => {
        $(#[$doc])*
        pub fn $name() -> &'static PhraseList {
            static LIST: OnceLock<PhraseList> = OnceLock::new();
            LIST.get_or_init(|| PhraseList::parse(include_str!(concat!("lexicon/", $file))))
        }
    };
}

lexicon!(
    /// Talk of the business's own numbers: revenue, market share, number one.
    why_business,
    "why_business.txt"
);
lexicon!(
    /// Talk of the offer: products, prices, range.
    why_offer,
    "why_offer.txt"
);
lexicon!(
    /// A purpose or a belief: believe, because, so that, deserve.
    why_purpose,
    "why_purpose.txt"
);
lexicon!(
    /// The people a WHY may be for: everyone, families, community.
    why_people,
    "why_people.txt"
);
lexicon!(
    /// A WHY that describes the business: is a, family-run, provides.
    why_self,
    "why_self.txt"
);

lexicon!(
    /// Pure sales pressure: buy now, 30% off, today only.
    sales_pressure,
    "sales_pressure.txt"
);
lexicon!(
    /// Something of value for the customer besides the sale: help, advice, a story.
    customer_value,
    "customer_value.txt"
);
lexicon!(
    /// A plain service message: a reminder, a notice, a quote that lists
    /// every cost, a way to change a booking.
    service_notes,
    "service_notes.txt"
);
lexicon!(
    /// An `act` that only keeps the answers: stored, logged, summarised.
    act_record,
    "act_record.txt"
);
lexicon!(
    /// An `act` that says nothing changes: continues, as before.
    act_unchanged,
    "act_unchanged.txt"
);
lexicon!(
    /// An `act` that does something with the answers: change, reply, review.
    act_change,
    "act_change.txt"
);
lexicon!(
    /// Verbs of carrying out what was decided: follow, carry out, implement.
    act_carry_out,
    "act_carry_out.txt"
);
lexicon!(
    /// What asking people can decide: a result, a vote, a majority.
    act_outcomes,
    "act_outcomes.txt"
);
lexicon!(
    /// Verbs of putting answers before people: shown, taken, presented.
    act_bring,
    "act_bring.txt"
);
lexicon!(
    /// Gatherings where decisions are made: a forum, a meeting, a board.
    act_forums,
    "act_forums.txt"
);
lexicon!(
    /// Evidence that is the team's own view: staff, impressions, a brainstorm.
    evidence_internal,
    "evidence_internal.txt"
);
lexicon!(
    /// Evidence from the people themselves: interviews, surveys, data.
    evidence_customer,
    "evidence_customer.txt"
);
lexicon!(
    /// The company's words for what people want: seamless, premium, curated.
    company_words,
    "company_words.txt"
);
lexicon!(
    /// A market position or a line of sales: leading brand, online sales.
    why_position,
    "why_position.txt"
);
lexicon!(
    /// What makes a position the business's aim: become, our, grow.
    why_aims,
    "why_aims.txt"
);
lexicon!(
    /// An aim before a money target: aims to, our goal is to.
    why_targets,
    "why_targets.txt"
);
lexicon!(
    /// Verbs of getting money in a money target: raise, reach, turn over.
    why_raising,
    "why_raising.txt"
);
lexicon!(
    /// Verbs of selling, which describe the business as their subject.
    why_selling,
    "why_selling.txt"
);
lexicon!(
    /// Questions that offer something: would you like, shall we.
    offer_questions,
    "offer_questions.txt"
);
lexicon!(
    /// A person's details handed over: email address, phone number.
    personal_details,
    "personal_details.txt"
);
lexicon!(
    /// The terms of a sale a customer may hold: a rate, a chance, a status.
    held_deals,
    "held_deals.txt"
);
lexicon!(
    /// How to set up, use and look after what was bought: how to clean.
    aftercare,
    "aftercare.txt"
);
lexicon!(
    /// What points at the customer's own thing: your, it, them.
    held_things,
    "held_things.txt"
);
lexicon!(
    /// What money is counted per, in a ratio: customer, order, visit.
    money_units,
    "money_units.txt"
);
lexicon!(
    /// What a touchpoint sends to remind the customer: reminder, nudge.
    reminder_words,
    "reminder_words.txt"
);
lexicon!(
    /// Who does the business's own work, in a cost metric: staff, office.
    work_people,
    "work_people.txt"
);
lexicon!(
    /// The shop's sales measures and tactics: SKUs, basket size, upsell.
    sales_measures,
    "sales_measures.txt"
);
lexicon!(
    /// How a business packages what it sells: a package, a bundle, an
    /// add-on, a subscription, a block of six.
    offer_packaging,
    "offer_packaging.txt"
);
lexicon!(
    /// What a business gains from a customer, as it counts it: slots,
    /// income, margins.
    business_gains,
    "business_gains.txt"
);
lexicon!(
    /// Words of the customer's own voice: I, my, hate, sick of.
    own_voice,
    "own_voice.txt"
);
lexicon!(
    /// What a customer asks of a thing: clear, simple, fair.
    customer_judgements,
    "customer_judgements.txt"
);
lexicon!(
    /// A frequency the customer sets: chosen days, how often, opt in.
    chosen_frequency,
    "chosen_frequency.txt"
);
lexicon!(
    /// Customers as targets to capture: target audience, conquer, bombard.
    us_versus_them,
    "us_versus_them.txt"
);
lexicon!(
    /// Words of a measure of how customers feel or whether they stay: NPS,
    /// churn, coming back.
    human_metrics,
    "human_metrics.txt"
);
lexicon!(
    /// What a metric can count without measuring how customers feel or
    /// whether they stay: sign-ups, followers, downloads.
    metric_counts,
    "metric_counts.txt"
);
lexicon!(
    /// Words of a business's own money: income, sales, costs.
    metric_money,
    "metric_money.txt"
);
lexicon!(
    /// Costs that customers' own doings drive: returns, no-shows,
    /// complaints, winning a customer.
    customer_costs,
    "customer_costs.txt"
);
lexicon!(
    /// Words that only frame a business's own money: total, gross, contract.
    money_frames,
    "money_frames.txt"
);
lexicon!(
    /// Words naming money as what a metric counts, besides the business's
    /// own money: value, amount, margin, price.
    money_amounts,
    "money_amounts.txt"
);
lexicon!(
    /// Words that make the people a metric counts payers: paying, paid.
    metric_payers,
    "metric_payers.txt"
);
lexicon!(
    /// The people or accounts a revenue metric counts as payers:
    /// subscribers, customers, members.
    metric_buyers,
    "metric_buyers.txt"
);
lexicon!(
    /// Judgements customers make about money: value for money, a fair price.
    money_judgements,
    "money_judgements.txt"
);
lexicon!(
    /// Currency codes and names a metric's unit may be: GBP, euros.
    currencies,
    "currencies.txt"
);
lexicon!(
    /// Words naming a part of a product: feature, reminders, notifications.
    product_parts,
    "product_parts.txt"
);
lexicon!(
    /// Where an interest is placed in the product: in the app, on our website.
    product_places,
    "product_places.txt"
);
lexicon!(
    /// What a business shares with its customers after "our": local, town.
    shared_places,
    "shared_places.txt"
);
lexicon!(
    /// What counts an audience, the size of a following: followers, likes,
    /// impressions.
    audience_counts,
    "audience_counts.txt"
);
lexicon!(
    /// Words that open a metric naming a direction: stronger, better, more.
    metric_directions,
    "metric_directions.txt"
);
lexicon!(
    /// Things no one can count as written: word of mouth, relationships,
    /// presence.
    metric_abstractions,
    "metric_abstractions.txt"
);
lexicon!(
    /// Words that say what a metric counts or how: number, share, rate.
    metric_units,
    "metric_units.txt"
);
lexicon!(
    /// Words of time that frame a metric: per year, a week, within 90 days.
    time_frames,
    "time_frames.txt"
);
lexicon!(
    /// Reasons about how the business looks: its profile, visibility, an
    /// audience that sees it.
    image_reasons,
    "image_reasons.txt"
);
lexicon!(
    /// Things a word of feeling or staying can describe without being
    /// measured: loyalty cards, retention emails, referral codes.
    metric_carriers,
    "metric_carriers.txt"
);
lexicon!(
    /// Owners who are people helping customers: care, support, service, success.
    helpful_owners,
    "helpful_owners.txt"
);
lexicon!(
    /// People whose work is helping customers in person: therapists,
    /// rangers, fitters, advisers.
    helper_roles,
    "helper_roles.txt"
);
lexicon!(
    /// Asks whose answer serves the business: "rate us 5 stars", "added to
    /// your next order".
    ask_self_serving,
    "ask_self_serving.txt"
);
lexicon!(
    /// Owners that stand for nobody yet: "to be confirmed", "TBC".
    owner_placeholders,
    "owner_placeholders.txt"
);
lexicon!(
    /// Owners that are machines: an automated workflow, a bot, a system.
    owner_machines,
    "owner_machines.txt"
);
lexicon!(
    /// Words that make an owner people: a team, staff, a manager, a
    /// volunteer.
    owner_people,
    "owner_people.txt"
);
lexicon!(
    /// Interests in buying from the business: discounts, offers, releases.
    interest_commerce,
    "interest_commerce.txt"
);
lexicon!(
    /// Words that name an organisation or a part of one: unit, team, council.
    why_organisations,
    "why_organisations.txt"
);
lexicon!(
    /// A message that asks for the business's reach: follow us, share this.
    message_bait,
    "message_bait.txt"
);
lexicon!(
    /// Verbs that open a target rather than a want: achieve, attend, improve.
    want_targets,
    "want_targets.txt"
);
lexicon!(
    /// What makes a want a measure: a threshold (above, at least) or an
    /// index or score.
    want_measures,
    "want_measures.txt"
);
lexicon!(
    /// Verbs that open the sale a business wants: buy, add, sign up.
    want_sales,
    "want_sales.txt"
);
lexicon!(
    /// Words of buying and selling things, which a WHY may stand against.
    stance_buying,
    "stance_buying.txt"
);
lexicon!(
    /// An offering that pushes people to buy new things: auto-replace.
    push_buying,
    "push_buying.txt"
);
lexicon!(
    /// A HOW that competes on price: win on price, price match, multi-buy.
    price_competition,
    "price_competition.txt"
);
lexicon!(
    /// A WHY that speaks of price or of what people can afford.
    price_concern,
    "price_concern.txt"
);
lexicon!(
    /// A stand that the business lets people go once they no longer need
    /// it: "we aim to discharge".
    step_back_promises,
    "step_back_promises.txt"
);
lexicon!(
    /// What a metric counts per customer: "sessions per client".
    per_customer,
    "per_customer.txt"
);
lexicon!(
    /// A promise that the service is shared at cost: never for profit.
    at_cost_promises,
    "at_cost_promises.txt"
);
lexicon!(
    /// Pricing that charges what demand will bear: surge pricing.
    profit_pricing,
    "profit_pricing.txt"
);
lexicon!(
    /// A promise that no one can buy a better place in what the business
    /// ranks or lists: "we never rank restaurants by what they pay us".
    unpaid_ranking_promises,
    "unpaid_ranking_promises.txt"
);
lexicon!(
    /// A place in a ranking or listing sold: "first place in search results
    /// for restaurants that pay", "sponsored listing".
    paid_placement,
    "paid_placement.txt"
);
lexicon!(
    /// A service's own targets and terms in a want: "KPI", "DNA rate".
    service_terms,
    "service_terms.txt"
);
lexicon!(
    /// A question the customer must answer before they can go on: "all
    /// twelve questions are required", "before the payment button unlocks".
    forced_answers,
    "forced_answers.txt"
);
lexicon!(
    /// A promise of time to decide without a sales pitch: "not a sales
    /// pitch", "the time to decide".
    no_pressure_promises,
    "no_pressure_promises.txt"
);
lexicon!(
    /// A line that presses people to decide on the spot: "300 off if
    /// treatment is agreed before you leave".
    close_pressure,
    "close_pressure.txt"
);
lexicon!(
    /// A touchpoint the customer opted in to: "SMS to opted-in customers".
    opt_ins,
    "opt_ins.txt"
);
lexicon!(
    /// A HOW that withdraws something: "wind down", "stop stocking".
    withdrawals,
    "withdrawals.txt"
);
lexicon!(
    /// WHY004: a promise that people deal with a person ("a real person
    /// beside them").
    person_promises,
    "person_promises.txt"
);
lexicon!(
    /// WHY004: contact handled with nobody of the business ("chatbot").
    contact_automation,
    "contact_automation.txt"
);
lexicon!(
    /// WHY006: a promise that people never have to chase what they asked
    /// for ("never have to chase").
    chase_promises,
    "chase_promises.txt"
);
lexicon!(
    /// WHY006: a line that drops a request nobody chases ("closed
    /// automatically").
    chase_breaks,
    "chase_breaks.txt"
);
lexicon!(
    /// WHY006: a promise that everyone is served on the same terms ("on
    /// equal terms").
    equal_promises,
    "equal_promises.txt"
);
lexicon!(
    /// WHY006: a line that puts those who pay first ("first pick").
    paid_priority,
    "paid_priority.txt"
);
lexicon!(
    /// WHY006: a promise that things are kept out of landfill ("shouldn't
    /// end up in landfill", "a second life").
    landfill_promises,
    "landfill_promises.txt"
);
lexicon!(
    /// WHY006: a line that sends things to landfill ("the old pairs go in
    /// the skip").
    landfill_breaks,
    "landfill_breaks.txt"
);
lexicon!(
    /// WHY006: a promise that animals are trained by reward ("reward-based
    /// training").
    reward_promises,
    "reward_promises.txt"
);
lexicon!(
    /// WHY006: tools that train by pain or fear ("prong collars").
    aversive_tools,
    "aversive_tools.txt"
);
lexicon!(
    /// WHY006: a promise that help is fitted to each person or family
    /// ("help that fits their baby").
    fitted_promises,
    "fitted_promises.txt"
);
lexicon!(
    /// WHY006: a line that gives everyone the same ("the same for every
    /// baby").
    same_for_all,
    "same_for_all.txt"
);
lexicon!(
    /// WHY006: a promise that a group is somewhere people belong.
    belonging_promises,
    "belonging_promises.txt"
);
lexicon!(
    /// WHY006: a line that lets people in only by competing, or puts them
    /// out ("audition-only entry").
    exclusion_breaks,
    "exclusion_breaks.txt"
);
lexicon!(
    /// WHY006: a promise that people decide for themselves.
    autonomy_promises,
    "autonomy_promises.txt"
);
lexicon!(
    /// WHY006: a line that decides for people or tells on them.
    decided_for_them,
    "decided_for_them.txt"
);
lexicon!(
    /// WHY004: what goes wrong for customers ("support tickets", "refunds").
    customer_friction,
    "customer_friction.txt"
);
lexicon!(
    /// WHY004: a promise of unhurried time with people ("unhurried").
    unhurried_promises,
    "unhurried_promises.txt"
);
lexicon!(
    /// HUM003: a value proposition's claim of a low price ("the cheapest
    /// hire in the county").
    price_claims,
    "price_claims.txt"
);
lexicon!(
    /// WHY006: a promise that the people the business is for are glad to be
    /// seen ("glad to see them").
    seen_promises,
    "seen_promises.txt"
);
lexicon!(
    /// WHY006: a line that keeps people out of the customers' sight.
    hidden_breaks,
    "hidden_breaks.txt"
);
lexicon!(
    /// A promise that animals are handled as little as possible: "never
    /// tamed".
    hands_off_promises,
    "hands_off_promises.txt"
);
lexicon!(
    /// Handling animals sold as an experience: "Hedgehog cuddle days".
    animal_handling,
    "animal_handling.txt"
);
lexicon!(
    /// A promise of every size: "whatever her size".
    size_promises,
    "size_promises.txt"
);
lexicon!(
    /// One size for all: "a single size-14 sample".
    single_size,
    "single_size.txt"
);
lexicon!(
    /// A HOW that puts the business's own gain first: "where the margin is
    /// three times higher", "upsell on every screen".
    own_gain,
    "own_gain.txt"
);
lexicon!(
    /// A message that tells people what they say will not be heard:
    /// "objections cannot be considered", "no correspondence will be
    /// entered into".
    voice_refusals,
    "voice_refusals.txt"
);
lexicon!(
    /// A promise that people are not ranked against each other: "never
    /// against other children".
    no_comparison_promises,
    "no_comparison_promises.txt"
);
lexicon!(
    /// People ranked against each other: "a leaderboard", "ranking every
    /// child in a class".
    people_rankings,
    "people_rankings.txt"
);
lexicon!(
    /// A promise that people's data stays theirs: never sold, theirs alone.
    privacy_promises,
    "privacy_promises.txt"
);
lexicon!(
    /// Selling what people told or logged: license, sell, advertisers.
    data_sales,
    "data_sales.txt"
);
lexicon!(
    /// What people tell or log about themselves: data, information.
    data_words,
    "data_words.txt"
);

lexicon!(
    /// Feedback that asks for something: "I wish", "please add", "would love".
    feedback_wants,
    "feedback_wants.txt"
);
/// Words matched as written (lower-cased), not by stem: a list of words that
/// play a part without meaning anything, where a stem would take meaningful
/// words along ("kind" would take "kindness").
#[derive(Debug, Clone)]
pub struct WordList {
    words: FxHashSet<Box<str>>,
}

impl WordList {
    pub fn parse(data: &str) -> Self {
        let words = lexicon_lines(data)
            .map(|w| w.to_lowercase().into())
            .collect();
        Self { words }
    }

    /// Whether `word`, lower-cased as the word table keeps it, is listed.
    pub fn contains(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Words between a want cue and what is wanted that name nothing themselves:
/// "an oat milk option", "I wish you sold...".
pub fn feedback_want_fillers() -> &'static WordList {
    static LIST: OnceLock<WordList> = OnceLock::new();
    LIST.get_or_init(|| WordList::parse(include_str!("lexicon/feedback_want_fillers.txt")))
}

/// An audience a metric may count, matched as written ("followers" stems to
/// "follow", which a metric of people followed up would share).
pub fn metric_audiences() -> &'static WordList {
    static LIST: OnceLock<WordList> = OnceLock::new();
    LIST.get_or_init(|| WordList::parse(include_str!("lexicon/metric_audiences.txt")))
}

/// Words naming the person a value proposition promises something to:
/// you, they, patients.
pub fn promised_people() -> &'static WordList {
    static LIST: OnceLock<WordList> = OnceLock::new();
    LIST.get_or_init(|| WordList::parse(include_str!("lexicon/promised_people.txt")))
}

/// The act of buying, opening an interest: booking, buying, renewing.
pub fn buying_acts() -> &'static WordList {
    static LIST: OnceLock<WordList> = OnceLock::new();
    LIST.get_or_init(|| WordList::parse(include_str!("lexicon/buying_acts.txt")))
}

/// Words that give a want a person's voice: I, you, that, without, tell.
pub fn spoken_wants() -> &'static WordList {
    static LIST: OnceLock<WordList> = OnceLock::new();
    LIST.get_or_init(|| WordList::parse(include_str!("lexicon/spoken_wants.txt")))
}

lexicon!(
    /// Feedback about contact frequency: "too many emails", "unsubscribe".
    feedback_fatigue,
    "feedback_fatigue.txt"
);
lexicon!(
    /// Frequency words, fatigue only next to a kind of contact: "every day".
    feedback_frequency,
    "feedback_frequency.txt"
);
lexicon!(
    /// Kinds of contact: email, text, call, notification.
    feedback_contact,
    "feedback_contact.txt"
);
lexicon!(
    /// Feedback about sales pressure: "pushy", "hard sell".
    feedback_pushiness,
    "feedback_pushiness.txt"
);

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(list: &PhraseList, text: &str) -> Vec<String> {
        list.matches_text(text)
            .into_iter()
            .map(|m| text[m.span].to_owned())
            .collect()
    }

    #[test]
    fn pressure_and_us_versus_them_read_context() {
        assert_eq!(
            quotes(sales_pressure(), "BUY NOW: 30% off, today only!"),
            ["BUY NOW", "30% off", "today only"]
        );
        assert!(
            quotes(
                sales_pressure(),
                "No pressure to buy now; order a free sample to try"
            )
            .is_empty()
        );
        assert!(quotes(us_versus_them(), "target price of 450 and a target of 45").is_empty());
        assert_eq!(
            quotes(us_versus_them(), "our target audience"),
            ["target audience"]
        );
        assert!(quotes(us_versus_them(), "no lock-in contracts").is_empty());
    }

    #[test]
    fn every_shipped_list_has_cues() {
        for list in [
            why_business(),
            why_offer(),
            why_purpose(),
            sales_pressure(),
            customer_value(),
            us_versus_them(),
            human_metrics(),
            metric_counts(),
            metric_money(),
            customer_costs(),
            money_frames(),
            money_amounts(),
            money_judgements(),
            metric_payers(),
            metric_buyers(),
            currencies(),
            product_parts(),
            product_places(),
            shared_places(),
            sales_measures(),
            money_units(),
            work_people(),
            reminder_words(),
            aftercare(),
            held_things(),
            act_carry_out(),
            act_outcomes(),
            act_bring(),
            act_forums(),
            held_deals(),
            offer_questions(),
            personal_details(),
            why_position(),
            why_aims(),
            why_targets(),
            why_raising(),
            why_selling(),
            own_voice(),
            customer_judgements(),
            audience_counts(),
            image_reasons(),
            time_frames(),
            metric_directions(),
            metric_abstractions(),
            metric_units(),
            metric_carriers(),
            helpful_owners(),
            interest_commerce(),
            helper_roles(),
            ask_self_serving(),
            owner_placeholders(),
            owner_machines(),
            owner_people(),
            stance_buying(),
            want_targets(),
            message_bait(),
            why_organisations(),
            want_sales(),
            want_measures(),
            push_buying(),
            price_competition(),
            step_back_promises(),
            per_customer(),
            price_concern(),
            privacy_promises(),
            at_cost_promises(),
            profit_pricing(),
            unpaid_ranking_promises(),
            paid_placement(),
            no_comparison_promises(),
            people_rankings(),
            forced_answers(),
            voice_refusals(),
            own_gain(),
            hands_off_promises(),
            landfill_promises(),
            landfill_breaks(),
            seen_promises(),
            hidden_breaks(),
            price_claims(),
            reward_promises(),
            aversive_tools(),
            fitted_promises(),
            same_for_all(),
            belonging_promises(),
            exclusion_breaks(),
            autonomy_promises(),
            decided_for_them(),
            customer_friction(),
            unhurried_promises(),
            equal_promises(),
            paid_priority(),
            chase_promises(),
            chase_breaks(),
            person_promises(),
            contact_automation(),
            animal_handling(),
            size_promises(),
            single_size(),
            withdrawals(),
            opt_ins(),
            no_pressure_promises(),
            close_pressure(),
            service_terms(),
            data_sales(),
            data_words(),
            feedback_wants(),
            feedback_fatigue(),
            feedback_frequency(),
            feedback_contact(),
            feedback_pushiness(),
        ] {
            assert!(!list.is_empty());
        }
        assert!(!feedback_want_fillers().is_empty());
    }

    #[test]
    fn word_lists_match_words_not_stems() {
        let list = WordList::parse("# fillers\nOption\nkind\n");
        assert!(list.contains("option") && list.contains("kind"));
        assert!(!list.contains("options") && !list.contains("kindness"));
    }
}
