package org.homeward.console.i18n;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's words in English; {@code messages/msg_uk.properties} and {@code msg_ru.properties} give
 * them in Ukrainian and Russian (MessagesTest holds the three to the same keys: Qute itself would show a
 * missing translation in English). Templates use them as {@code msg:key}.
 */
@MessageBundle(locale = "en")
public interface Messages {

    @Message("Homeward") String appName();
    @Message("Skip to content") String skipToContent();
    @Message("Agreements") String navAgreements();
    @Message("Cases") String navCases();
    @Message("Subscriptions") String navSubscriptions();
    @Message("Handovers") String navHandovers();
    @Message("Statistics") String navStatistics();
    @Message("Signed in as {subject}, {organisation}") String signedInAs(String subject, String organisation);
    @Message("Sign out") String signOut();
    @Message("Language") String language();

    @Message("Sign in") String signInTitle();
    @Message("Local sign-in: the console mints your token with the local platform's key. In production you sign in with your organisation's identity provider.") String signInLocalNote();
    @Message("Your user name (as the audit log records it)") String signInSubject();
    @Message("Organisation") String organisation();
    @Message("Party") String party();
    @Message("None (a neutral organisation)") String noParty();
    @Message("Roles") String roles();
    @Message("Check this field") String signInError();

    @Message("What would you like to do?") String homeTitle();
    @Message("Agreements, what each commits and how much of it has been delivered") String homeAgreements();
    @Message("Remains cases, their evidence and identifications") String homeCases();
    @Message("Webhook subscriptions of your organisation") String homeSubscriptions();
    @Message("Cases by status and bodies by claimed nationality, counts only") String homeStatistics();

    @Message("Reference") String reference();
    @Message("Title") String title();
    @Message("Status") String status();
    @Message("Concluded on") String concludedOn();
    @Message("Parties") String parties();
    @Message("No agreements you may see.") String noAgreements();
    @Message("Previous page") String previousPage();
    @Message("Next page") String nextPage();
    @Message("Page {number}") String pageNumber(int number);

    @Message("Terms and their fulfilment") String terms();
    @Message("Kind") String kind();
    @Message("Direction") String direction();
    @Message("Category") String category();
    @Message("Received") String received();
    @Message("Remaining") String remaining();
    @Message("Fulfilled") String fulfilled();
    @Message("{received} of {committed}") String receivedOf(String received, String committed);
    @Message("eligible {eligible}, released {released}, declined {declined}, died {died}, remaining {remaining}")
    String exchangeCounts(String eligible, String released, String declined, String died, String remaining);
    @Message("Yes") String yes();
    @Message("No") String no();
    @Message("Overdue") String overdue();
    @Message("Balance between reciprocal terms") String balances();
    @Message("Ratio") String ratio();
    @Message("Balance") String balance();
    @Message("Tolerance") String tolerance();
    @Message("Out of tolerance") String outOfTolerance();
    @Message("Within tolerance") String withinTolerance();
    @Message("Received per ISO week and direction (bodies and prisoners together)") String receivedPerWeek();
    @Message("Nothing received yet.") String nothingReceived();
    @Message("Week") String week();

    @Message("Tag") String tag();
    @Message("Received on") String receivedOn();
    @Message("Claimed nationality") String claimedNationality();
    @Message("All") String all();
    @Message("Filter") String filter();
    @Message("No cases match.") String noCases();
    @Message("Case {tag}") String caseTitle(String tag);
    @Message("Claimed by the handing-over party") String claimed();
    @Message("Established by identification") String established();
    @Message("Not established") String notEstablished();
    @Message("Surname") String surname();
    @Message("First names") String firstNames();
    @Message("Patronymic") String patronymic();
    @Message("Date of birth") String dateOfBirth();
    @Message("Nationality") String nationality();
    @Message("Service number") String serviceNumber();
    @Message("History") String history();
    @Message("When") String when();
    @Message("Event") String event();
    @Message("By") String by();
    @Message("DNA candidates") String candidates();
    @Message("Likelihood ratio") String lr();
    @Message("Posterior") String posterior();
    @Message("Undisputed") String undisputed();
    @Message("Disputed because") String disputedBecause();
    @Message("Loci compared") String lociCompared();
    @Message("Per locus") String perLocus();
    @Message("Locus") String locus();
    @Message("No DNA candidate.") String noCandidates();
    @Message("Proposals") String proposals();
    @Message("Method") String method();
    @Message("Evidence") String evidence();
    @Message("Proposed by") String proposedBy();
    @Message("Decided by") String decidedBy();
    @Message("Propose an identification") String propose();
    @Message("A second examiner of your laboratory confirms or rejects it.") String fourEyes();
    @Message("DNA candidate (optional)") String kinshipCandidate();
    @Message("Reconciliation of the ante- and post-mortem records") String reconciliation();
    @Message("No post-mortem record yet, or no missing person with an ante-mortem record to compare.") String noReconciliation();
    @Message("Missing person") String missingPerson();
    @Message("Strength") String strength();
    @Message("Primary identifiers") String primaryIdentifiers();
    @Message("Dental points") String dentalPoints();
    @Message("Exclusions") String exclusions();
    @Message("Concordances") String concordances();
    @Message("Missing person of the reconciliation (odontology, fingerprints, combined)") String reconciledPerson();
    @Message("None") String none();
    @Message("Submit the proposal") String submitProposal();
    @Message("Confirm") String confirm();
    @Message("Reject") String reject();
    @Message("Reason") String reason();

    @Message("Endpoint URL") String url();
    @Message("Event types (comma-separated, e.g. transfer.*)") String eventTypes();
    @Message("Description") String description();
    @Message("Create the subscription") String createSubscription();
    @Message("New subscription") String newSubscription();
    @Message("No subscriptions yet.") String noSubscriptions();
    @Message("Subscription created") String subscriptionCreated();
    @Message("This is the signing secret. It is shown once: store it now, Homeward cannot show it again.") String secretOnce();
    @Message("Back to the subscriptions") String backToSubscriptions();
    @Message("Subscription") String subscription();
    @Message("Pause") String pause();
    @Message("Resume") String resume();
    @Message("Send a test event") String sendTest();
    @Message("Rotate the signing secret") String rotateSecret();
    @Message("Deliveries") String deliveries();
    @Message("No deliveries yet.") String noDeliveries();
    @Message("Attempts") String attempts();
    @Message("No attempt yet.") String noAttempts();
    @Message("Last answer") String lastAnswer();
    @Message("Answer") String answer();
    @Message("Delivery") String delivery();
    @Message("Next attempt") String nextAttempt();
    @Message("Try again now") String retryNow();
    @Message("Back to the subscription") String backToSubscription();

    @Message("Agreement id (optional)") String agreementId();
    @Message("Cases by status") String casesByStatus();
    @Message("Cases") String cases();
    @Message("Nationality claimed") String nationalityClaimed();
    @Message("Bodies received by the nationality the sender claimed") String receivedByNationality();
    @Message("""
            {#when status}{#is 'received'}Items received{#is 'individuals'}Individuals established\
            {#is 'awaitingExamination'}Awaiting examination\
            {#is 'underExamination'}Under examination{#is 'identified'}Identified{#is 'notANational'}Not a national\
            {#is 'unidentifiable'}Unidentifiable{#is 'withdrawn'}Withdrawn{#is 'returned'}Returned\
            {#is 'joined'}Joined to another body{#else}{status}{/when}""")
    String caseCount(String status);

    @Message("Handover") String handover();
    @Message("Handover point") String handoverPoint();
    @Message("Scheduled") String scheduledAt();
    @Message("Items on the manifest") String manifestItems();
    @Message("Dispatched") String dispatchedAt();
    @Message("Received at") String receivedAt();
    @Message("Counted at receipt") String countedAtReceipt();
    @Message("Field") String field();
    @Message("Problem") String problem();
    @Message("Upload the manifest") String uploadManifest();
    @Message("Manifest (CSV, UTF-8, with a header row)") String manifestFile();
    @Message("Dispatch") String dispatch();
    @Message("Count") String count();
    @Message("Record the receipt") String receipt();
    @Message("Count received") String countReceived();
    @Message("Reconcile item by item") String reconcile();
    @Message("Tags missing (every other tag of the manifest arrived); one per line") String missingTags();
    @Message("Discrepancy report") String discrepancyReport();
    @Message("Declared") String declared();
    @Message("Dispatched") String dispatched();
    @Message("Missing") String missing();
    @Message("Extra") String extra();
    @Message("Handovers by state, manifests, dispatch, receipt and reconciliation") String homeHandovers();

    @Message("Exchange lists") String navExchangeLists();
    @Message("No exchange list yet.") String noExchangeLists();
    @Message("Exchange list") String exchangeList();
    @Message("Round") String round();
    @Message("Reference date") String referenceDate();
    @Message("Eligible") String eligible();
    @Message("Offered") String offered();
    @Message("Verified") String verified();
    @Message("Released") String released();
    @Message("Declined") String declined();
    @Message("Died") String died();
    @Message("Matches to review") String matchReviews();
    @Message("Outcome") String outcome();
    @Message("Reasons") String reasons();
    @Message("Decision") String decision();
    @Message("Persons on the list") String persons();
    @Message("Nobody with this status.") String noPersons();
    @Message("In Latin letters") String latin();
    @Message("Verification") String verification();
    @Message("Verified: identity and free will") String verify();
    @Message("Declines repatriation") String declinesRepatriation();
    @Message("Identity check conflict") String identityConflict();

    @Message("Register of the missing") String navRegister();
    @Message("Search the register, import reports, review possible duplicates") String homeRegister();
    @Message("Search") String search();
    @Message("A surname or a first name, in any script") String nameAnyScript();
    @Message("Nobody in the register matches.") String noneFound();
    @Message("Found in the register") String found();
    @Message("Import reports") String importReports();
    @Message("Reports (CSV, UTF-8, with a header row)") String reportsFile();
    @Message("Imports that failed") String failedImports();
    @Message("Import of reports") String importJob();
    @Message("Linked to the register") String linked();
    @Message("matched {matched}, to review {toReview}, new entries {newEntries}")
    String importCounts(int matched, int toReview, int newEntries);
    @Message("Possible duplicates to review") String registerReviews();
    @Message("Nothing to review.") String noReviews();
    @Message("Same person: merge") String merge();
    @Message("The new report") String newReport();
    @Message("The register entry it resembles") String registerEntry();
    @Message("No entry named: too many shared its key, so it can only be kept apart here") String noCandidateNamed();
    @Message("The latest 100 handovers you may see") String latestHandovers();
    @Message("Received from") String receivedFrom();
    @Message("Received to") String receivedTo();
    @Message("Different persons") String separate();

    @Message("Examinations") String examinations();
    @Message("No examination recorded.") String noExaminations();
    @Message("Examined on") String examinedOn();
    @Message("Examiner") String examiner();
    @Message("Findings") String findings();
    @Message("Chain of custody") String custody();
    @Message("No custody recorded.") String noCustody();

    @Message("Identified dead, as a spreadsheet") String identifiedDead();
    @Message("From") String from();
    @Message("To") String to();
    @Message("Download (CSV)") String downloadCsv();
    @Message("Count received for term {number} of {terms} ({dispatched} dispatched)")
    String countReceivedOfTerm(int number, int terms, int dispatched);
    @Message("{confirmed} of {items} on the manifest have consented") String consentsConfirmed(int confirmed, int items);
    @Message("Signing secret rotated") String secretRotated();
    @Message("Consent to repatriation, as the escort heard it") String consents();
    @Message("Tags of the prisoners who consent, one per line") String consentingTags();
    @Message("Record their consent") String recordConsents();

    @Message("This form has expired") String formExpired();
    @Message("The page it came from was open too long, or was not this console's. Go back, reload the page and send it again.")
    String formExpiredHelp();

    @Message("Not found") String notFound();
    @Message("You may not do this") String forbidden();
    @Message("The service refused") String refused();
    @Message("A service could not be reached") String unavailable();
    @Message("Back to the start") String backHome();
    @Message("Something went wrong in the console; the error number below helps its operators find out what") String failed();
}
