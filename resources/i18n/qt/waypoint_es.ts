<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>Waypoint is decision support. It applies the transit rules to the facts recorded; the officer reviews the findings and makes the decision.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(hash {digest})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not loaded yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Transit requirements of US asylum law, offline.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Data folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rule pack</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About Waypoint</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Amendment</name>
        <message>
            <source>Could not amend: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amending: changes are saved as a new draft</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ApplicantPage</name>
        <message>
            <source>Family name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>As written by the applicant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Given names</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A-number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>8 or 9 digits in any form: A-123-456-789, A123456789, 12345678</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date of birth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sex</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nationalities</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stateless</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yes = the applicant has no nationality</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last habitual residence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only when it differs from the nationality</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Languages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type a language's name and pick it from the list; several with commas</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AuditStatus</name>
        <message>
            <source>Audit log: checking…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audit log check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audit log: not checked (run `waypoint audit verify`)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Audit log: checked, %n entries, no changes outside Waypoint</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Audit log: %n change(s) made outside Waypoint found</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Audit log: %n change(s) made outside Waypoint found (full check running…)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Audit log</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>The audit check found %n thing(s) that Waypoint did not do: the record was changed outside it (or a file was lost or restored by hand). Your cases are still open. Tell your office, and keep the anchor codes and memos you sent: `waypoint audit verify --against CODE|FILE` checks the record against them.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>note: {note}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Autosave</name>
        <message>
            <source>Unsaved changes…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All changes saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not saved: {error}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CaseFlowPage</name>
        <message>
            <source>Case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Steps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Up and Down open a step; Enter moves to its first field; F6 comes back here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This case is finalized and read-only.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A&amp;mend…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amend the finalized case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>← &amp;Back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Previous step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Next →</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opening the case…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All changes saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The case could not be opened: {error}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CaseListModel</name>
        <message>
            <source>Draft</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draft, memo saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finalized</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A-number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nationality</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Entry date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last change</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(no name yet)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CaseListPage</name>
        <message>
            <source>All statuses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draft</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draft, memo saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finalized</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Number of cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E&amp;xport…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start a new case (Ctrl+N)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the selected case (Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import case files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import waypoint-case/1 JSON files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export case files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export the selected cases as JSON files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search by name or A-number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finds names without regard to accents or case, and A-numbers however written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filter by status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nationality</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The case was not created: {error}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%Ln case(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Loading cases…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No case matches the search.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No cases yet: start a new case or import case files.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The cases could not be read: {message}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ChoiceComboBox</name>
        <message>
            <source>Unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CircumstancesPage</name>
        <message>
            <source>Victim of severe trafficking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A severe form of trafficking in persons (8 CFR 214.11)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Medical emergency at entry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imminent threat at entry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Public-interest exception</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Proclamation case-by-case exception</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Family travelling together</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Family in the United States</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fear of a country the person could be sent to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes for the memo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove family member {index}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add family member</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add: {title}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Relation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Family name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Given names</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date of birth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Parole travel authorization</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scheduled appointment (CBP One)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Protection finally denied in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Age</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Family member {index}: {label}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receiving country</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No finding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Officer's finding on fear</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ClaimsPage</name>
        <message>
            <source>Kind of claim</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Filed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcome</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Final decision</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A final judgment or decision: no appeal pending or available</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Decided</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Authority</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who received or decided the claim, e.g. COMAR, CONARE</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add the journey's stops first; claims belong to a stop.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>country not chosen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop {stop_index}: {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Claims in stop {stop_index}, {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No protection claim made here (as answered).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not asked yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop {stop_index}: not asked yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add claim</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a claim made in stop {stop_index}, {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not asked: {not_needed}. Add a claim only if one was made.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not asked yet: was a protection claim made in {name}?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No claim made here</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No protection claim made in stop {stop_index}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop {stop_index} claim {claim_index}: {label}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove claim</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove claim {claim_index} of stop {stop_index}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Conflicts</name>
        <message>
            <source>Not saved: someone else saved version {stored_version} of this case; compare and merge</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CountryComboBox</name>
        <message>
            <source>Country name or code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Country</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CountryListEdit</name>
        <message>
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Countries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name}: add a country</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add to {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} chosen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove from {name}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeterminationDialog</name>
        <message>
            <source>Choose…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Agree with the finding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Differ (give your reason)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not decided here (why)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your conclusion on {title}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason, in words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your reason on {title}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Answer it…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Answer: {question}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Decide without it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Decide without: {question}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why you decide without it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why you decide without: {question}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finalize memo — your determination</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Decision date: {decision_words} (it is fixed when you finalize). Waypoint's findings are decision support: record your own conclusion on each. Finalizing signs the memo with your digital signature, stores it under your name and locks the case. Later changes need an amendment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What is still needed to finalize</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your conclusion on each of Waypoint's findings</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Questions still open (%n): answer each, or say why you decide without it</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>a conclusion (with a reason unless you agree) on %n finding(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n open question(s) answered, or decided without with your reason</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Still needed: </source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EntryPage</name>
        <message>
            <source>Entry date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Entry time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Local time, 24-hour (e.g. 23:40); needed only when a rule changed on the entry day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Border</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>At a port of entry</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No = crossed between ports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Port</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. San Ysidro, CA</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Place of crossing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Port, Border Patrol sector or state (e.g. El Paso Sector); sets the time zone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coming from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The country the person crossed from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Proceeding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unaccompanied child</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Documents held</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scheduled appointment (CBP One)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Obstacle to scheduling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why the scheduling system could not be used; Unknown until the person was asked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Metered before 16 July 2019</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Days until the claim</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>A plain file can be read by anyone who gets it: the applicant's name, route and claims leave the encrypted store. Choose it only for a receiver who cannot open a bundle.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export: protect the file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>this case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>these {count} cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The exported file holds {what}. Encrypt it with a passphrase that you give the receiver by another way (phone, in person).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Encrypted bundle (recommended)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plain JSON, not encrypted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bundle passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bundle passphrase again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase strength</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Again:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> The two entries differ.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FieldForm</name>
        <message>
            <source>{name}: problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Needed: </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>'{text}' is not a country; type a name or code and pick one</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Header</name>
        <message>
            <source>None yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case reference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The office's own file number; printed on every memo page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Empty = today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Decision date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The date the rules are applied as of; empty means today. Type e.g. 2/12/2019</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Decision date in words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case &amp;reference:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Decision date:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rules applied as of </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This case is finalized and read-only. Its decision date, {words}, was fixed when it was finalized.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This case is finalized and read-only.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HintKey</name>
        <message>
            <source>No hint for this control. Help → Keyboard shortcuts (Ctrl+/) lists the keys.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the hint of the focused field or control</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>InterviewSheet</name>
        <message>
            <source>English</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spanish</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save interview sheet as PDF — the file will be outside Waypoint's encrypted store</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interview sheet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The questions still open in this case on one page, with room for the answers, to take to the interview. It uses the answers as they stand now and the decision date above.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;English</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Spa&amp;nish (español)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Language of the sheet:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Interview sheet…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The open questions on one page, in English or Spanish: save as PDF or print</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print interview sheet ({name})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>interview sheet ({name})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rendering the interview sheet…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Printing the interview sheet…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Interview sheet saved to {path} — this copy is outside Waypoint's encrypted store</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The interview sheet could not be made: {error}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IssueKeyDialog</name>
        <message>
            <source>Issue a signing key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The office's certificate authority signs a new key for this person and registers its fingerprint with the role: 'waypoint memo verify' then names them as the signer. The key is installed here; the person types its passphrase to sign.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Person's name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Office authority passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New key passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repeat the new key passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Person's name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Role:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Authority's passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New key's passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>R&amp;epeat:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Issue result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Issue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Issuing the key…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Issued {person} ({role}) a signing key, valid to {not_after:%d %b %Y}. Certificate fingerprint (SHA-256): {grouped}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key could not be kept: {value}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key could not be issued: {error}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JourneyModel</name>
        <message>
            <source>Drag, or press Ctrl+Up / Ctrl+Down, to reorder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Country not chosen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop {number}: {text}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>   (%n claim(s))</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Problems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Still needed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JourneyPage</name>
        <message>
            <source>Stops in order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Insert before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move &amp;down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a stop at the end</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Insert a stop before the selected one (Insert)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the selected stop (Delete)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move the selected stop earlier (Ctrl+Up)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move the selected stop later (Ctrl+Down)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Country</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Arrived</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Departed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>City or region</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. Tapachula</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status held</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Permanent status offered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An offer of permanent residence, citizenship or other permanent resettlement</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Onward travel only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Residence restricted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Returned later</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Left and came back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How the US stay ended</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>An earlier stay in the United States: removed, returned voluntarily or departed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add the first stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Removed stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo re&amp;move</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Put the removed stop back (Ctrl+Z)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move the selected stop up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move the selected stop down</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo removing a stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Removed {describe_stop}. Ctrl+Z puts it back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop {row}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problems in stop(s) {stops}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LanguageListEdit</name>
        <message>
            <source>Unknown — type a language, e.g. Vietnamese, English</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a language: {join}. Type a name and choose from the list</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LockPage</name>
        <message>
            <source>Waypoint is locked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the passphrase (or the recovery key) to see the cases.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Login</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unlock problem</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the passphrase…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter your login (your user name on the office server).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waypoint stays locked until the passphrase is entered.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter your server password to see the cases again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the passphrase (or the recovery key) to see the cases again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The unlock failed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the passphrase (or the recovery key).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Decision support — the officer decides</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waypoint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Recent cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opening {describe_database}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Data folder: {data_dir}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rules: …</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rule pack version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Decision support notice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database: {describe_database}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No database: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rules: —</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rules {value} · law known through {known}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rule pack {get}. Decisions after {known} may be affected by later changes in the law.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MemoPage</name>
        <message>
            <source>Save memo as PDF — the file will be outside Waypoint's encrypted store</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Refresh preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finali&amp;ze…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This office requires review: submit the case for review (a supervisor's approval finalizes it).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Memo status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rendering the memo…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Final memo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draft memo</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{kind}: %n page(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Memo preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The memo cannot be rendered yet: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved to {path} — this copy is outside Waypoint's encrypted store</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>That did not work: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finalizing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>. Anchor code for the file: {code}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finalized by {officer}, decision date {words}. The case is now read-only{anchor_note}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MemoPrintSteps</name>
        <message>
            <source>Print memo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title} — printing to a file makes a copy outside Waypoint's encrypted store</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Printing the memo…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Printing</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Printed %n page(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Printing cancelled</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MemoPrinting</name>
        <message>
            <source>The memo could not be read for printing ({problem})</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <source>Keep yours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Someone else saved this case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Merge two versions of the case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You were editing version {your_version}; someone saved version {saved_version} meanwhile. Your changes are not lost and nothing was overwritten. For each field that differs, choose which value to keep, then save the merged case.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fields that differ</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved version ({saved_version})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keep which value of {label}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save merged case</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OfficeQueue</name>
        <message>
            <source>My cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Awaiting my review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Returned to me</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assigned to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Comments</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>awaiting review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>returned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Which cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Office cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assign to…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Assign the selected case to a caseworker</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Assign the case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Caseworker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Office</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OfficerDialogs</name>
        <message>
            <source>Officer's name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Officer's name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reason for the amendment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signing key passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signing &amp;passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Repeat the new passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Repeat (new key):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No signing key under this name yet: one is made now and protected with this passphrase.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finalize memo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finalizing signs the memo with your digital signature, stores it under your name and locks the case. Later changes need an amendment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Amend finalized case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The final memo stays on record. Amending unlocks the facts; finalizing again stores a new memo that supersedes it. Your signing key's passphrase shows the amendment is yours.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OpenCaseDialog</name>
        <message>
            <source>Open case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name, A-number (any part, e.g. the last digits) or notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find a case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Matching cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Find:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search failed: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>entered {entry_date}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (the first 50)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
    </context>
    <context>
        <name>OutcomeCards</name>
        <message>
            <source>✓ rule data verified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Decided by:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Still needed:&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>if {answer}: {outcome}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Citations (%n)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Citations of {get}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcome cards</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show &amp;why: every step, fact and citation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hide &amp;why (every step)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show the why tree</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OutcomeStripWidget</name>
        <message>
            <source>When each outcome holds, by decision date (Shift+F1: in words)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When each outcome holds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>decision date</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PartialDateEdit</name>
        <message>
            <source>Unknown — type e.g. {example}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown — type 2019, 5/2019, May 2019 or {example}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <source>Waypoint encrypts every case with this passphrase. If it is lost, the cases cannot be recovered by anyone — unless you save a recovery key now and keep it apart from the laptop.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Current passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New passphrase again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase strength</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Make a recovery key (shown once; write it down)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remember the passphrase in this computer's keyring (anyone who can log in as you can then open Waypoint)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Current passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Again:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> The two entries differ.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recovery key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write this recovery key down and keep it apart from the laptop. It opens the database wherever Waypoint asks for the passphrase. It is shown only now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProfileDialog</name>
        <message>
            <source>Who is working?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Profile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your actions are recorded under this profile.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReviewBanner</name>
        <message>
            <source>Review comments on this step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Returned by {name_of} on {isoformat}: {body}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <source>Decision support — the officer decides.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{UNVERIFIED_MARK}: rests on data the research notes could not verify.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unverified data legend</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Evaluation status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why: trace steps, facts used and citations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Evaluating…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Evaluated as of {words}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The case cannot be evaluated yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Evaluation failed: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Complete these answers first:&lt;/b&gt;&lt;ul&gt;{items}&lt;/ul&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>field:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReviewPanel</name>
        <message>
            <source>Return the case with a comment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Step the comment concerns</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Comment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Return to caseworker</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approve and sign the memo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approving makes the memo final and signs it as {reviewer}: your digital signature is added to the caseworker's (or is the only one if they did not sign). Leave the passphrase empty to approve without a digital signature, when the caseworker did not sign. A new key is made on first use.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signing passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approve</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Review status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Submit for review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Submit the case for a supervisor's review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approve the case and finalize its memo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Return…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Return the case to the caseworker with a comment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Draft: not yet submitted for review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Awaiting review (submitted by {who})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Returned by {who}: see the comments on the steps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Approved by {who}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Submit for review — your determination</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Decision date: {words} (it is fixed when you submit). Waypoint's findings are decision support: record your own conclusion on each. A supervisor's approval endorses your determination and makes the memo final. With a passphrase you sign the memo as submitted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not done: {error}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RulesPage</name>
        <message>
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Law known through</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Installed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hash</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reference</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Decision date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>After</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Flag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Rule packs&lt;/b&gt; — the law Waypoint applies. Every pack ever used is kept, so each stored determination can be reproduced.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Installed rule packs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What changed in the selected pack</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Install from file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Activate selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Roll back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Back to cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rule pack status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Impact progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cases the new pack changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Install and &amp;mark cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cases marked by a change in the law (until re-evaluated):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cases marked law changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>with the app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Install a rule pack</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waypoint rule packs (*.wprules)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking {name}…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rule pack {version} (law known through {known}), signed by {signer}. What changed: {changelog}
Re-evaluating the stored cases…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>{count} of %n stored case(s) change{by_rule}.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>%n draft(s) too incomplete to evaluate.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Finalized memos never change: finalized cases are marked for an amendment.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Install and mark %n case(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Impact cancelled; nothing was installed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The impact could not be computed: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Installing rule pack {version}…</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Rule pack {version} installed and active; %n case(s) marked "law changed".</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Active rule pack: {version} ({value}).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>The case shortcuts (next and previous step, go to a step, save, print, finalize) are listed here once a case has been opened.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Anywhere</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In a case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In a case: {inner}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> or </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What it does</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SigningKeyDialog</name>
        <message>
            <source>PKCS#12 key (*.p12 *.pfx);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import signing key (PKCS#12)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import a signing key and certificate your organisation issued as a PKCS#12 file (.p12 or .pfx). Finalizing a memo as this officer then signs it with this key. The key is kept as issued, still encrypted with the file's passphrase, in Waypoint's data folder: type that passphrase when you finalize.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PKCS#12 key file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the .p12 or .pfx file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Choose…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the key file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Officer's name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase of the key file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key &amp;file:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Officer's name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File's &amp;passphrase:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import result</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replace {officer}'s existing signing key (memos already signed with it stay valid)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the PKCS#12 key file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the key file…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imported {officer}'s signing key. Certificate fingerprint (SHA-256): {grouped}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key could not be kept: {value}. Nothing was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The key could not be imported: {error}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StartError</name>
        <message>
            <source>Restore latest backup</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the passphrase (or the recovery key) to open the cases.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server did not accept this login and password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waypoint could not open its database: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waypoint cannot open its database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restoring {name}…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StepListModel</name>
        <message>
            <source>not started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>incomplete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>complete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>has problems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> · {unknown} unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Step {value}, {title}: {words}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>; %n answer(s) Unknown</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>, current step</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StepNavigation</name>
        <message>
            <source>&amp;Next step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Previous step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Step &amp;list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>F6</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go to step &amp;{value}: {title}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Print memo…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Finalize memo…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StepPage</name>
        <message>
            <source>{title} step</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>⚠ %n problem(s) on this step</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Still needed on this step</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StorageOpener</name>
        <message>
            <source>The database file is missing, but its key file or backups are here. Enter the passphrase to see what is left and restore the newest backup.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waypoint — signed in as {login}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved changes are missing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The case file could not be opened</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StoragePassphrase</name>
        <message>
            <source>Your database is not encrypted yet. Choose a passphrase to encrypt it and its backups.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Welcome to Waypoint. Choose a passphrase: it encrypts the cases on this laptop.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Protect your cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no database file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The passphrase was not remembered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{problem} Waypoint will ask for it at each start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Encrypt the database?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This Waypoint database is not encrypted: anyone who copies the data folder can read every case. Encrypt it (and its backups) now?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change &amp;passphrase…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change the passphrase</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The database is re-encrypted with a new key. Backups made before keep their old passphrase.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Passphrase changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The passphrase was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The passphrase was not changed</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TextEdits</name>
        <message>
            <source>Unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown — e.g. 23:40</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown — e.g. A-123-456-789 or 123456789</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TimelineWidget</name>
        <message>
            <source>Journey timeline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No journey yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>stop {value}'s dates contradict the journey's order</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{kind} after stop {value}: {start} to {end}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n stop(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>; no gaps or overlaps</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add stops to see the journey</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>→ US </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%d %b</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%b %Y</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%Y</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Transfer</name>
        <message>
            <source>Waypoint case files (*.case.json *.json);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import case files</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Importing %n case file(s)…</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Importing %n file(s): all or nothing, can no longer be cancelled…</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Import finished</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Imported %n case(s).</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Import failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing was imported.

{error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select the cases to export in the list first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export case file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (encrypted)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Export %n case(s) to folder</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message numerus="yes">
            <source>Exporting %n case(s)…</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Export finished</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Exported %n case file(s) to {where}.</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Export cancelled. Files already written were kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The export stopped: {error}
Files already written were kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Waypoint</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WhyTreeModel</name>
        <message>
            <source>Not applicable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not in force</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exception established</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Applies</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Needs information</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>yes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>still depends on the other open questions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>⚠ unverified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the field: {text}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Citation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Consequence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Receiving countries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Citations</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Questions to settle it</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n open</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Trace</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>fact used</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n step(s)</source>
            <translation type="unfinished">
                <numerusform />
                <numerusform />
            </translation>
        </message>
        <message>
            <source>Exceptions considered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not met</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rule id: {identifier}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WindowDialogs</name>
        <message>
            <source>Signing key imported for {officer}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WindowMenus</name>
        <message>
            <source>&amp;New case</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Open case…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Back to the case list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back to the case list (Alt+Home)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import case files…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export selected cases…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Rule packs…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import &amp;signing key (PKCS#12)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Iss&amp;ue a signing key (office authority)…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About Waypoint</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Navigation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>← &amp;Back to the case list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No recent cases</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Case {case_id}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open a case to work on it</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
