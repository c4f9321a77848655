<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>Waypoint is decision support. It applies the transit rules to the facts recorded; the officer reviews the findings and makes the decision.</source>
            <translation>Waypoint es un apoyo a la decisión. Aplica las normas de tránsito a los hechos registrados; el oficial revisa las conclusiones y toma la decisión.</translation>
        </message>
        <message>
            <source>(hash {digest})</source>
            <translation>(hash {digest})</translation>
        </message>
        <message>
            <source>not loaded yet</source>
            <translation>aún no cargado</translation>
        </message>
        <message>
            <source>Transit requirements of US asylum law, offline.</source>
            <translation>Requisitos de tránsito de la ley de asilo de EE. UU., sin conexión.</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>Carpeta de datos</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>Base de datos</translation>
        </message>
        <message>
            <source>Rule pack</source>
            <translation>Paquete de normas</translation>
        </message>
        <message>
            <source>About Waypoint</source>
            <translation>Acerca de Waypoint</translation>
        </message>
    </context>
    <context>
        <name>Amendment</name>
        <message>
            <source>Could not amend: {error}</source>
            <translation>No se pudo enmendar: {error}</translation>
        </message>
        <message>
            <source>Amending: changes are saved as a new draft</source>
            <translation>Enmienda en curso: los cambios se guardan como un nuevo borrador</translation>
        </message>
    </context>
    <context>
        <name>ApplicantPage</name>
        <message>
            <source>Family name</source>
            <translation>Apellido(s)</translation>
        </message>
        <message>
            <source>As written by the applicant</source>
            <translation>Tal como lo escribe el solicitante</translation>
        </message>
        <message>
            <source>Given names</source>
            <translation>Nombre(s)</translation>
        </message>
        <message>
            <source>A-number</source>
            <translation>Número A</translation>
        </message>
        <message>
            <source>8 or 9 digits in any form: A-123-456-789, A123456789, 12345678</source>
            <translation>8 o 9 dígitos en cualquier forma: A-123-456-789, A123456789, 12345678</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Fecha de nacimiento</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>Sexo</translation>
        </message>
        <message>
            <source>Nationalities</source>
            <translation>Nacionalidades</translation>
        </message>
        <message>
            <source>Stateless</source>
            <translation>Apátrida</translation>
        </message>
        <message>
            <source>Yes = the applicant has no nationality</source>
            <translation>Sí = el solicitante no tiene nacionalidad</translation>
        </message>
        <message>
            <source>Last habitual residence</source>
            <translation>Última residencia habitual</translation>
        </message>
        <message>
            <source>Only when it differs from the nationality</source>
            <translation>Solo si difiere de la nacionalidad</translation>
        </message>
        <message>
            <source>Languages</source>
            <translation>Idiomas</translation>
        </message>
        <message>
            <source>Type a language's name and pick it from the list; several with commas</source>
            <translation>Escriba el nombre de un idioma y elíjalo de la lista; varios, separados por comas</translation>
        </message>
    </context>
    <context>
        <name>AuditStatus</name>
        <message>
            <source>Audit log: checking…</source>
            <translation>Registro de auditoría: comprobando…</translation>
        </message>
        <message>
            <source>Audit log check</source>
            <translation>Comprobación del registro de auditoría</translation>
        </message>
        <message>
            <source>Audit log: not checked (run `waypoint audit verify`)</source>
            <translation>Registro de auditoría: sin comprobar (ejecute `waypoint audit verify`)</translation>
        </message>
        <message numerus="yes">
            <source>Audit log: checked, %n record(s), no changes outside Waypoint</source>
            <translation>
                <numerusform>Registro de auditoría: comprobado, %n registro, sin cambios fuera de Waypoint</numerusform>
                <numerusform>Registro de auditoría: comprobado, %n registros, sin cambios fuera de Waypoint</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Audit log: %n change(s) made outside Waypoint found</source>
            <translation>
                <numerusform>Registro de auditoría: se encontró %n cambio hecho fuera de Waypoint</numerusform>
                <numerusform>Registro de auditoría: se encontraron %n cambios hechos fuera de Waypoint</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Audit log: %n change(s) made outside Waypoint found (full check running…)</source>
            <translation>
                <numerusform>Registro de auditoría: se encontró %n cambio hecho fuera de Waypoint (comprobación completa en curso…)</numerusform>
                <numerusform>Registro de auditoría: se encontraron %n cambios hechos fuera de Waypoint (comprobación completa en curso…)</numerusform>
            </translation>
        </message>
        <message>
            <source>details</source>
            <translation>detalles</translation>
        </message>
        <message>
            <source>Audit log</source>
            <translation>Registro de auditoría</translation>
        </message>
        <message numerus="yes">
            <source>The audit check found %n thing(s) that Waypoint did not do: the record was changed outside it (or a file was lost or restored by hand). Your cases are still open. Tell your office, and keep the anchor codes and memos you sent: `waypoint audit verify --against CODE|FILE` checks the record against them.</source>
            <translation>
                <numerusform>La comprobación de auditoría encontró %n cosa que Waypoint no hizo: el registro se modificó fuera de él (o se perdió o restauró un archivo a mano). Sus casos siguen abiertos. Avise a su oficina y conserve los códigos de anclaje y los memorandos que envió: `waypoint audit verify --against CODE|FILE` comprueba el registro con ellos.</numerusform>
                <numerusform>La comprobación de auditoría encontró %n cosas que Waypoint no hizo: el registro se modificó fuera de él (o se perdió o restauró un archivo a mano). Sus casos siguen abiertos. Avise a su oficina y conserve los códigos de anclaje y los memorandos que envió: `waypoint audit verify --against CODE|FILE` comprueba el registro con ellos.</numerusform>
            </translation>
        </message>
        <message>
            <source>note: {note}</source>
            <translation>nota: {note}</translation>
        </message>
    </context>
    <context>
        <name>Autosave</name>
        <message>
            <source>Unsaved changes…</source>
            <translation>Cambios sin guardar…</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>Guardando…</translation>
        </message>
        <message>
            <source>All changes saved</source>
            <translation>Todos los cambios guardados</translation>
        </message>
        <message>
            <source>Not saved: {error}</source>
            <translation>No guardado: {error}</translation>
        </message>
    </context>
    <context>
        <name>CaseFlowPage</name>
        <message>
            <source>Case</source>
            <translation>Caso</translation>
        </message>
        <message>
            <source>Steps</source>
            <translation>Pasos</translation>
        </message>
        <message>
            <source>Up and Down open a step; Enter moves to its first field; F6 comes back here</source>
            <translation>Arriba y Abajo abren un paso; Intro va a su primer campo; F6 vuelve aquí</translation>
        </message>
        <message>
            <source>This case is finalized and read-only.</source>
            <translation>Este caso está finalizado y es de solo lectura.</translation>
        </message>
        <message>
            <source>A&amp;mend…</source>
            <translation>En&amp;mendar…</translation>
        </message>
        <message>
            <source>Amend the finalized case</source>
            <translation>Enmendar el caso finalizado</translation>
        </message>
        <message>
            <source>← &amp;Back</source>
            <translation>← &amp;Atrás</translation>
        </message>
        <message>
            <source>Previous step</source>
            <translation>Paso anterior</translation>
        </message>
        <message>
            <source>&amp;Next →</source>
            <translation>&amp;Siguiente →</translation>
        </message>
        <message>
            <source>Next step</source>
            <translation>Paso siguiente</translation>
        </message>
        <message>
            <source>Opening the case…</source>
            <translation>Abriendo el caso…</translation>
        </message>
        <message>
            <source>Save status</source>
            <translation>Estado del guardado</translation>
        </message>
        <message>
            <source>All changes saved</source>
            <translation>Todos los cambios guardados</translation>
        </message>
        <message>
            <source>The case could not be opened: {error}</source>
            <translation>No se pudo abrir el caso: {error}</translation>
        </message>
    </context>
    <context>
        <name>CaseListModel</name>
        <message>
            <source>Draft</source>
            <translation>Borrador</translation>
        </message>
        <message>
            <source>Draft, memo saved</source>
            <translation>Borrador, memorando guardado</translation>
        </message>
        <message>
            <source>Finalized</source>
            <translation>Finalizado</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>A-number</source>
            <translation>Número A</translation>
        </message>
        <message>
            <source>Nationality</source>
            <translation>Nacionalidad</translation>
        </message>
        <message>
            <source>Entry date</source>
            <translation>Fecha de entrada</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>Último cambio</translation>
        </message>
        <message>
            <source>(no name yet)</source>
            <translation>(aún sin nombre)</translation>
        </message>
    </context>
    <context>
        <name>CaseListPage</name>
        <message>
            <source>Number of cases</source>
            <translation>Número de casos</translation>
        </message>
        <message>
            <source>Nationality</source>
            <translation>Nacionalidad</translation>
        </message>
        <message>
            <source>Draft, memo saved</source>
            <translation>Borrador, memorando guardado</translation>
        </message>
        <message>
            <source>New case</source>
            <translation>Nuevo caso</translation>
        </message>
        <message>
            <source>The case was not created: {error}</source>
            <translation>No se creó el caso: {error}</translation>
        </message>
        <message>
            <source>Opening the database…</source>
            <translation>Abriendo la base de datos…</translation>
        </message>
        <message numerus="yes">
            <source>%Ln case(s)</source>
            <translation>
                <numerusform>%Ln caso</numerusform>
                <numerusform>%Ln casos</numerusform>
            </translation>
        </message>
        <message>
            <source>Loading cases…</source>
            <translation>Cargando casos…</translation>
        </message>
        <message>
            <source>No case matches the search.</source>
            <translation>Ningún caso coincide con la búsqueda.</translation>
        </message>
        <message>
            <source>No cases yet: start a new case or import case files.</source>
            <translation>Aún no hay casos: inicie un caso nuevo o importe archivos de caso.</translation>
        </message>
        <message>
            <source>Case list</source>
            <translation>Lista de casos</translation>
        </message>
        <message>
            <source>The cases could not be read: {message}</source>
            <translation>No se pudieron leer los casos: {message}</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Todos los estados</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>Borrador</translation>
        </message>
        <message>
            <source>Finalized</source>
            <translation>Finalizado</translation>
        </message>
        <message>
            <source>&amp;New case</source>
            <translation>&amp;Nuevo caso</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Abrir</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>&amp;Importar…</translation>
        </message>
        <message>
            <source>E&amp;xport…</source>
            <translation>E&amp;xportar…</translation>
        </message>
        <message>
            <source>Start a new case (Ctrl+N)</source>
            <translation>Iniciar un caso nuevo (Ctrl+N)</translation>
        </message>
        <message>
            <source>Open case</source>
            <translation>Abrir caso</translation>
        </message>
        <message>
            <source>Open the selected case (Enter)</source>
            <translation>Abrir el caso seleccionado (Intro)</translation>
        </message>
        <message>
            <source>Import case files</source>
            <translation>Importar archivos de caso</translation>
        </message>
        <message>
            <source>Import waypoint-case/1 JSON files</source>
            <translation>Importar archivos JSON waypoint-case/1</translation>
        </message>
        <message>
            <source>Export case files</source>
            <translation>Exportar archivos de caso</translation>
        </message>
        <message>
            <source>Export the selected cases as JSON files</source>
            <translation>Exportar los casos seleccionados como archivos JSON</translation>
        </message>
        <message>
            <source>Search by name or A-number</source>
            <translation>Buscar por nombre o número A</translation>
        </message>
        <message>
            <source>Search cases</source>
            <translation>Buscar casos</translation>
        </message>
        <message>
            <source>Finds names without regard to accents or case, and A-numbers however written</source>
            <translation>Encuentra nombres sin importar acentos ni mayúsculas, y números A escritos de cualquier forma</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>&amp;Buscar:</translation>
        </message>
        <message>
            <source>Filter by status</source>
            <translation>Filtrar por estado</translation>
        </message>
        <message>
            <source>S&amp;tatus:</source>
            <translation>Es&amp;tado:</translation>
        </message>
        <message>
            <source>Cases</source>
            <translation>Casos</translation>
        </message>
    </context>
    <context>
        <name>ChoiceComboBox</name>
        <message>
            <source>Unknown</source>
            <translation>Desconocido</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Sí</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
    </context>
    <context>
        <name>CircumstancesPage</name>
        <message>
            <source>Victim of severe trafficking</source>
            <translation>Víctima de una forma grave de trata</translation>
        </message>
        <message>
            <source>A severe form of trafficking in persons (8 CFR 214.11)</source>
            <translation>Una forma grave de trata de personas (8 CFR 214.11)</translation>
        </message>
        <message>
            <source>Medical emergency at entry</source>
            <translation>Emergencia médica al entrar</translation>
        </message>
        <message>
            <source>Imminent threat at entry</source>
            <translation>Amenaza inminente al entrar</translation>
        </message>
        <message>
            <source>Public-interest exception</source>
            <translation>Excepción de interés público</translation>
        </message>
        <message>
            <source>Proclamation case-by-case exception</source>
            <translation>Excepción caso por caso de la proclamación</translation>
        </message>
        <message>
            <source>Family travelling together</source>
            <translation>Familia que viaja junta</translation>
        </message>
        <message>
            <source>Family in the United States</source>
            <translation>Familia en los Estados Unidos</translation>
        </message>
        <message>
            <source>Fear of a country the person could be sent to</source>
            <translation>Temor a un país al que la persona podría ser enviada</translation>
        </message>
        <message>
            <source>Notes for the memo</source>
            <translation>Notas para el memorando</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <source>Remove family member {index}</source>
            <translation>Quitar al familiar {index}</translation>
        </message>
        <message>
            <source>Add family member</source>
            <translation>Añadir familiar</translation>
        </message>
        <message>
            <source>Add: {title}</source>
            <translation>Añadir: {title}</translation>
        </message>
        <message>
            <source>Relation</source>
            <translation>Parentesco</translation>
        </message>
        <message>
            <source>Family name</source>
            <translation>Apellido(s)</translation>
        </message>
        <message>
            <source>Given names</source>
            <translation>Nombre(s)</translation>
        </message>
        <message>
            <source>Date of birth</source>
            <translation>Fecha de nacimiento</translation>
        </message>
        <message>
            <source>Parole travel authorization</source>
            <translation>Autorización de viaje (parole)</translation>
        </message>
        <message>
            <source>Scheduled appointment (CBP One)</source>
            <translation>Cita programada (CBP One)</translation>
        </message>
        <message>
            <source>Protection finally denied in</source>
            <translation>Protección denegada en firme en</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>Edad</translation>
        </message>
        <message>
            <source>Family member {index}: {label}</source>
            <translation>Familiar {index}: {label}</translation>
        </message>
        <message>
            <source>Receiving country</source>
            <translation>País receptor</translation>
        </message>
        <message>
            <source>No finding</source>
            <translation>Sin determinación</translation>
        </message>
        <message>
            <source>Officer's finding on fear</source>
            <translation>Determinación del oficial sobre el temor</translation>
        </message>
    </context>
    <context>
        <name>ClaimsPage</name>
        <message>
            <source>Kind of claim</source>
            <translation>Tipo de solicitud</translation>
        </message>
        <message>
            <source>Filed</source>
            <translation>Presentada</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Resultado</translation>
        </message>
        <message>
            <source>Final decision</source>
            <translation>Decisión firme</translation>
        </message>
        <message>
            <source>A final judgment or decision: no appeal pending or available</source>
            <translation>Una sentencia o decisión firme: sin recurso pendiente ni disponible</translation>
        </message>
        <message>
            <source>Decided</source>
            <translation>Resuelta</translation>
        </message>
        <message>
            <source>Authority</source>
            <translation>Autoridad</translation>
        </message>
        <message>
            <source>Who received or decided the claim, e.g. COMAR, CONARE</source>
            <translation>Quién recibió o resolvió la solicitud, p. ej. COMAR, CONARE</translation>
        </message>
        <message>
            <source>Add the journey's stops first; claims belong to a stop.</source>
            <translation>Añada primero las paradas del trayecto; las solicitudes pertenecen a una parada.</translation>
        </message>
        <message>
            <source>country not chosen</source>
            <translation>país no elegido</translation>
        </message>
        <message>
            <source>Stop {stop_index}: {name}</source>
            <translation>Parada {stop_index}: {name}</translation>
        </message>
        <message>
            <source>Claims in stop {stop_index}, {name}</source>
            <translation>Solicitudes en la parada {stop_index}, {name}</translation>
        </message>
        <message>
            <source>No protection claim made here (as answered).</source>
            <translation>No se solicitó protección aquí (según la respuesta).</translation>
        </message>
        <message>
            <source>Not asked yet</source>
            <translation>Aún sin preguntar</translation>
        </message>
        <message>
            <source>Stop {stop_index}: not asked yet</source>
            <translation>Parada {stop_index}: aún sin preguntar</translation>
        </message>
        <message>
            <source>Add claim</source>
            <translation>Añadir solicitud</translation>
        </message>
        <message>
            <source>Add a claim made in stop {stop_index}, {name}</source>
            <translation>Añadir una solicitud hecha en la parada {stop_index}, {name}</translation>
        </message>
        <message>
            <source>Not asked: {not_needed}. Add a claim only if one was made.</source>
            <translation>No se pregunta: {not_needed}. Añada una solicitud solo si se hizo.</translation>
        </message>
        <message>
            <source>Not asked yet: was a protection claim made in {name}?</source>
            <translation>Aún sin preguntar: ¿se solicitó protección en {name}?</translation>
        </message>
        <message>
            <source>No claim made here</source>
            <translation>No se solicitó aquí</translation>
        </message>
        <message>
            <source>No protection claim made in stop {stop_index}</source>
            <translation>No se solicitó protección en la parada {stop_index}</translation>
        </message>
        <message>
            <source>Stop {stop_index} claim {claim_index}: {label}</source>
            <translation>Parada {stop_index}, solicitud {claim_index}: {label}</translation>
        </message>
        <message>
            <source>Remove claim</source>
            <translation>Quitar solicitud</translation>
        </message>
        <message>
            <source>Remove claim {claim_index} of stop {stop_index}</source>
            <translation>Quitar la solicitud {claim_index} de la parada {stop_index}</translation>
        </message>
    </context>
    <context>
        <name>Conflicts</name>
        <message>
            <source>Not saved: someone else saved version {stored_version} of this case; compare and merge</source>
            <translation>No guardado: otra persona guardó la versión {stored_version} de este caso; compare y combine</translation>
        </message>
    </context>
    <context>
        <name>CountryComboBox</name>
        <message>
            <source>Country name or code</source>
            <translation>Nombre o código del país</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>País</translation>
        </message>
    </context>
    <context>
        <name>CountryListEdit</name>
        <message>
            <source>Add</source>
            <translation>Añadir</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Quitar</translation>
        </message>
        <message>
            <source>Countries</source>
            <translation>Países</translation>
        </message>
        <message>
            <source>{name}: add a country</source>
            <translation>{name}: añadir un país</translation>
        </message>
        <message>
            <source>Add to {name}</source>
            <translation>Añadir a {name}</translation>
        </message>
        <message>
            <source>{name} chosen</source>
            <translation>{name} elegidos</translation>
        </message>
        <message>
            <source>Remove from {name}</source>
            <translation>Quitar de {name}</translation>
        </message>
    </context>
    <context>
        <name>DeterminationDialog</name>
        <message>
            <source>Choose…</source>
            <translation>Elija…</translation>
        </message>
        <message>
            <source>Agree with the finding</source>
            <translation>De acuerdo con la conclusión</translation>
        </message>
        <message>
            <source>Differ (give your reason)</source>
            <translation>En desacuerdo (indique su motivo)</translation>
        </message>
        <message>
            <source>Not decided here (why)</source>
            <translation>No se decide aquí (por qué)</translation>
        </message>
        <message>
            <source>Your conclusion on {title}</source>
            <translation>Su conclusión sobre {title}</translation>
        </message>
        <message>
            <source>Reason, in words</source>
            <translation>Motivo, en palabras</translation>
        </message>
        <message>
            <source>Your reason on {title}</source>
            <translation>Su motivo sobre {title}</translation>
        </message>
        <message>
            <source>Answer it…</source>
            <translation>Responderla…</translation>
        </message>
        <message>
            <source>Answer: {question}</source>
            <translation>Responder: {question}</translation>
        </message>
        <message>
            <source>Decide without it</source>
            <translation>Decidir sin ella</translation>
        </message>
        <message>
            <source>Decide without: {question}</source>
            <translation>Decidir sin: {question}</translation>
        </message>
        <message>
            <source>Why you decide without it</source>
            <translation>Por qué decide sin ella</translation>
        </message>
        <message>
            <source>Why you decide without: {question}</source>
            <translation>Por qué decide sin: {question}</translation>
        </message>
        <message>
            <source>Finalize memo — your determination</source>
            <translation>Finalizar el memorando — su determinación</translation>
        </message>
        <message>
            <source>Decision date: {decision_words} (it is fixed when you finalize). Waypoint's findings are decision support: record your own conclusion on each. Finalizing signs the memo with your digital signature, stores it under your name and locks the case. Later changes need an amendment.</source>
            <translation>Fecha de la decisión: {decision_words} (queda fijada al finalizar). Las conclusiones de Waypoint son un apoyo a la decisión: registre su propia conclusión sobre cada una. Al finalizar, el memorando se firma con su firma digital, se guarda a su nombre y el caso queda bloqueado. Los cambios posteriores requieren una enmienda.</translation>
        </message>
        <message>
            <source>What is still needed to finalize</source>
            <translation>Lo que aún falta para finalizar</translation>
        </message>
        <message>
            <source>Your conclusion on each of Waypoint's findings</source>
            <translation>Su conclusión sobre cada conclusión de Waypoint</translation>
        </message>
        <message numerus="yes">
            <source>Questions still open (%n): answer each, or say why you decide without it</source>
            <translation>
                <numerusform>Preguntas aún abiertas (%n): responda cada una o diga por qué decide sin ella</numerusform>
                <numerusform>Preguntas aún abiertas (%n): responda cada una o diga por qué decide sin ella</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>a conclusion (with a reason unless you agree) on %n finding(s)</source>
            <translation>
                <numerusform>una conclusión (con motivo, salvo si está de acuerdo) sobre %n conclusión de Waypoint</numerusform>
                <numerusform>una conclusión (con motivo, salvo si está de acuerdo) sobre %n conclusiones de Waypoint</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n open question(s) answered, or decided without with your reason</source>
            <translation>
                <numerusform>%n pregunta abierta respondida, o decidida sin ella con su motivo</numerusform>
                <numerusform>%n preguntas abiertas respondidas, o decididas sin ellas con su motivo</numerusform>
            </translation>
        </message>
        <message>
            <source>Still needed: </source>
            <translation>Aún falta: </translation>
        </message>
    </context>
    <context>
        <name>EntryPage</name>
        <message>
            <source>Entry date</source>
            <translation>Fecha de entrada</translation>
        </message>
        <message>
            <source>Entry time</source>
            <translation>Hora de entrada</translation>
        </message>
        <message>
            <source>Local time, 24-hour (e.g. 23:40); needed only when a rule changed on the entry day</source>
            <translation>Hora local, formato de 24 horas (p. ej. 23:40); solo hace falta si una norma cambió el día de la entrada</translation>
        </message>
        <message>
            <source>Border</source>
            <translation>Frontera</translation>
        </message>
        <message>
            <source>At a port of entry</source>
            <translation>En un puerto de entrada</translation>
        </message>
        <message>
            <source>No = crossed between ports</source>
            <translation>No = cruzó entre puertos</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>Puerto</translation>
        </message>
        <message>
            <source>e.g. San Ysidro, CA</source>
            <translation>p. ej. San Ysidro, CA</translation>
        </message>
        <message>
            <source>Place of crossing</source>
            <translation>Lugar del cruce</translation>
        </message>
        <message>
            <source>Port, Border Patrol sector or state (e.g. El Paso Sector); sets the time zone</source>
            <translation>Puerto, sector de la Patrulla Fronteriza o estado (p. ej. El Paso Sector); fija la zona horaria</translation>
        </message>
        <message>
            <source>Coming from</source>
            <translation>Procedente de</translation>
        </message>
        <message>
            <source>The country the person crossed from</source>
            <translation>El país desde el que cruzó la persona</translation>
        </message>
        <message>
            <source>Proceeding</source>
            <translation>Procedimiento</translation>
        </message>
        <message>
            <source>Unaccompanied child</source>
            <translation>Menor no acompañado</translation>
        </message>
        <message>
            <source>Documents held</source>
            <translation>Documentos que porta</translation>
        </message>
        <message>
            <source>Scheduled appointment (CBP One)</source>
            <translation>Cita programada (CBP One)</translation>
        </message>
        <message>
            <source>Obstacle to scheduling</source>
            <translation>Obstáculo para programar la cita</translation>
        </message>
        <message>
            <source>Why the scheduling system could not be used; Unknown until the person was asked</source>
            <translation>Por qué no se pudo usar el sistema de citas; Desconocido hasta que se le pregunte a la persona</translation>
        </message>
        <message>
            <source>Metered before 16 July 2019</source>
            <translation>En lista de espera (metering) antes del 16 de julio de 2019</translation>
        </message>
        <message>
            <source>Days until the claim</source>
            <translation>Días hasta la solicitud</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>A plain file can be read by anyone who gets it: the applicant's name, route and claims leave the encrypted store. Choose it only for a receiver who cannot open a bundle.</source>
            <translation>Cualquiera que obtenga un archivo sin cifrar puede leerlo: el nombre, la ruta y las solicitudes del solicitante salen del almacén cifrado. Elíjalo solo para un destinatario que no pueda abrir un paquete cifrado.</translation>
        </message>
        <message>
            <source>Export: protect the file</source>
            <translation>Exportar: proteger el archivo</translation>
        </message>
        <message>
            <source>this case</source>
            <translation>este caso</translation>
        </message>
        <message>
            <source>these {count} cases</source>
            <translation>estos {count} casos</translation>
        </message>
        <message>
            <source>The exported file holds {what}. Encrypt it with a passphrase that you give the receiver by another way (phone, in person).</source>
            <translation>El archivo exportado contiene {what}. Cífrelo con una frase de contraseña que entregue al destinatario por otra vía (teléfono, en persona).</translation>
        </message>
        <message>
            <source>Encrypted bundle (recommended)</source>
            <translation>Paquete cifrado (recomendado)</translation>
        </message>
        <message>
            <source>Plain JSON, not encrypted</source>
            <translation>JSON simple, sin cifrar</translation>
        </message>
        <message>
            <source>Bundle passphrase</source>
            <translation>Frase de contraseña del paquete</translation>
        </message>
        <message>
            <source>Bundle passphrase again</source>
            <translation>Frase de contraseña del paquete, otra vez</translation>
        </message>
        <message>
            <source>Passphrase strength</source>
            <translation>Solidez de la frase de contraseña</translation>
        </message>
        <message>
            <source>Passphrase:</source>
            <translation>Frase de contraseña:</translation>
        </message>
        <message>
            <source>Again:</source>
            <translation>Otra vez:</translation>
        </message>
        <message>
            <source> The two entries differ.</source>
            <translation> Las dos entradas no coinciden.</translation>
        </message>
    </context>
    <context>
        <name>FieldForm</name>
        <message>
            <source>{name}: problem</source>
            <translation>{name}: problema</translation>
        </message>
        <message>
            <source>Needed: </source>
            <translation>Falta: </translation>
        </message>
        <message>
            <source>'{text}' is not a country; type a name or code and pick one</source>
            <translation>«{text}» no es un país; escriba un nombre o código y elija uno</translation>
        </message>
    </context>
    <context>
        <name>FieldMerge</name>
        <message>
            <source>(absent)</source>
            <translation>(ausente)</translation>
        </message>
        <message>
            <source>Conflicts from the field</source>
            <translation>Conflictos del trabajo de campo</translation>
        </message>
        <message>
            <source>Open conflicts</source>
            <translation>Conflictos abiertos</translation>
        </message>
        <message>
            <source>Keep the &amp;office's value</source>
            <translation>Mantener el valor de la &amp;oficina</translation>
        </message>
        <message>
            <source>Take the &amp;field's value</source>
            <translation>Tomar el valor de &amp;campo</translation>
        </message>
        <message>
            <source>&lt;b&gt;Office&lt;/b&gt;</source>
            <translation>&lt;b&gt;Oficina&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Field&lt;/b&gt;</source>
            <translation>&lt;b&gt;Campo&lt;/b&gt;</translation>
        </message>
        <message>
            <source>{case}  {field}  (proposal)</source>
            <translation>{case}  {field}  (propuesta)</translation>
        </message>
        <message>
            <source>{case}  {field}  (conflict)</source>
            <translation>{case}  {field}  (conflicto)</translation>
        </message>
        <message>
            <source>No open conflicts.</source>
            <translation>No hay conflictos abiertos.</translation>
        </message>
        <message>
            <source>Case {case}, field {field}</source>
            <translation>Caso {case}, campo {field}</translation>
        </message>
        <message>
            <source>Both started from: {value}</source>
            <translation>Ambos partieron de: {value}</translation>
        </message>
        <message>
            <source>{person}, device {device}, {when}</source>
            <translation>{person}, dispositivo {device}, {when}</translation>
        </message>
        <message>
            <source>Resolved: kept the office's value of {field}.</source>
            <translation>Resuelto: se mantuvo el valor de la oficina para {field}.</translation>
        </message>
        <message>
            <source>Resolved: took the field's value of {field}.</source>
            <translation>Resuelto: se tomó el valor de campo para {field}.</translation>
        </message>
    </context>
    <context>
        <name>FieldTransfer</name>
        <message>
            <source>Transfer file</source>
            <translation>Archivo de transferencia</translation>
        </message>
        <message>
            <source>&amp;Browse…</source>
            <translation>&amp;Examinar…</translation>
        </message>
        <message>
            <source>Transfer &amp;file:</source>
            <translation>&amp;Archivo de transferencia:</translation>
        </message>
        <message>
            <source>Transfer result</source>
            <translation>Resultado de la transferencia</translation>
        </message>
        <message>
            <source>The file could not be used: {problem}.</source>
            <translation>No se pudo usar el archivo: {problem}.</translation>
        </message>
        <message>
            <source>The transfer did not go through: {problem}</source>
            <translation>La transferencia no se completó: {problem}</translation>
        </message>
        <message>
            <source>Bring cases back</source>
            <translation>Traer casos de vuelta</translation>
        </message>
        <message>
            <source>Bring &amp;back</source>
            <translation>&amp;Traer de vuelta</translation>
        </message>
        <message>
            <source>Transfer passphrase</source>
            <translation>Frase de contraseña de la transferencia</translation>
        </message>
        <message>
            <source>Transfer &amp;passphrase:</source>
            <translation>&amp;Frase de contraseña de la transferencia:</translation>
        </message>
        <message>
            <source>&amp;Resolve conflicts…</source>
            <translation>&amp;Resolver conflictos…</translation>
        </message>
        <message>
            <source>A laptop's transfer file</source>
            <translation>Archivo de transferencia de una computadora portátil</translation>
        </message>
        <message>
            <source>Choose the transfer file and type its passphrase.</source>
            <translation>Elija el archivo de transferencia y escriba su frase de contraseña.</translation>
        </message>
        <message>
            <source>Bringing the cases back…</source>
            <translation>Trayendo los casos de vuelta…</translation>
        </message>
        <message>
            <source>Take cases to the field</source>
            <translation>Llevar casos al trabajo de campo</translation>
        </message>
        <message>
            <source>&amp;Take</source>
            <translation>&amp;Llevar</translation>
        </message>
        <message numerus="yes">
            <source>%n selected case(s).</source>
            <translation>
                <numerusform>%n caso seleccionado.</numerusform>
                <numerusform>%n casos seleccionados.</numerusform>
            </translation>
        </message>
        <message>
            <source>Device id (empty: a new laptop)</source>
            <translation>Identificador del dispositivo (vacío: una portátil nueva)</translation>
        </message>
        <message>
            <source>laptop</source>
            <translation>portátil</translation>
        </message>
        <message>
            <source>Repeat the transfer passphrase</source>
            <translation>Repita la frase de contraseña de la transferencia</translation>
        </message>
        <message>
            <source>Signing key passphrase</source>
            <translation>Frase de contraseña de la clave de firma</translation>
        </message>
        <message>
            <source>&amp;Device id (empty: new):</source>
            <translation>&amp;Dispositivo (vacío: nuevo):</translation>
        </message>
        <message>
            <source>Device &amp;name:</source>
            <translation>&amp;Nombre del dispositivo:</translation>
        </message>
        <message>
            <source>&amp;Signer's name:</source>
            <translation>Nombre de quien &amp;firma:</translation>
        </message>
        <message>
            <source>R&amp;epeat:</source>
            <translation>R&amp;epetir:</translation>
        </message>
        <message>
            <source>Signing &amp;key passphrase:</source>
            <translation>Frase de la &amp;clave de firma:</translation>
        </message>
        <message>
            <source>Save the transfer file</source>
            <translation>Guardar el archivo de transferencia</translation>
        </message>
        <message>
            <source>Select cases, choose a file and type a passphrase.</source>
            <translation>Seleccione casos, elija un archivo y escriba una frase de contraseña.</translation>
        </message>
        <message>
            <source>The two transfer passphrases differ.</source>
            <translation>Las dos frases de contraseña de la transferencia no coinciden.</translation>
        </message>
        <message>
            <source>Writing the transfer…</source>
            <translation>Escribiendo la transferencia…</translation>
        </message>
        <message numerus="yes">
            <source>{file}: %n case(s) out to device {device}; on the laptop: waypoint field checkin FILE</source>
            <translation>
                <numerusform>{file}: %n caso enviado al dispositivo {device}; en la portátil: waypoint field checkin ARCHIVO</numerusform>
                <numerusform>{file}: %n casos enviados al dispositivo {device}; en la portátil: waypoint field checkin ARCHIVO</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Header</name>
        <message>
            <source>None yet</source>
            <translation>Ninguna</translation>
        </message>
        <message>
            <source>Case reference</source>
            <translation>Referencia del caso</translation>
        </message>
        <message>
            <source>The office's own file number; printed on every memo page</source>
            <translation>El número de expediente de la oficina; se imprime en cada página del memorando</translation>
        </message>
        <message>
            <source>Empty = today</source>
            <translation>Vacío = hoy</translation>
        </message>
        <message>
            <source>Decision date</source>
            <translation>Fecha de la decisión</translation>
        </message>
        <message>
            <source>The date the rules are applied as of; empty means today. Type e.g. 2/12/2019</source>
            <translation>La fecha a la que se aplican las normas; vacío significa hoy. Escriba p. ej. 2/12/2019</translation>
        </message>
        <message>
            <source>Decision date in words</source>
            <translation>Fecha de la decisión en palabras</translation>
        </message>
        <message>
            <source>Case &amp;reference:</source>
            <translation>&amp;Referencia del caso:</translation>
        </message>
        <message>
            <source>&amp;Decision date:</source>
            <translation>&amp;Fecha de la decisión:</translation>
        </message>
        <message>
            <source>rules applied as of {date}</source>
            <translation>normas aplicadas a fecha de {date}</translation>
        </message>
        <message>
            <source>This case is finalized and read-only. Its decision date, {words}, was fixed when it was finalized.</source>
            <translation>Este caso está finalizado y es de solo lectura. Su fecha de decisión, {words}, quedó fijada al finalizarlo.</translation>
        </message>
        <message>
            <source>This case is finalized and read-only.</source>
            <translation>Este caso está finalizado y es de solo lectura.</translation>
        </message>
    </context>
    <context>
        <name>HintKey</name>
        <message>
            <source>No hint for this control. Help → Keyboard shortcuts (Ctrl+/) lists the keys.</source>
            <translation>Este control no tiene ayuda. Ayuda → Atajos de teclado (Ctrl+/) enumera las teclas.</translation>
        </message>
        <message>
            <source>Show the hint of the focused field or control</source>
            <translation>Mostrar la ayuda del campo o control con el foco</translation>
        </message>
    </context>
    <context>
        <name>InterviewSheet</name>
        <message>
            <source>English</source>
            <translation>Inglés</translation>
        </message>
        <message>
            <source>Spanish</source>
            <translation>Español</translation>
        </message>
        <message>
            <source>Save interview sheet as PDF — the file will be outside Waypoint's encrypted store</source>
            <translation>Guardar la hoja de entrevista como PDF — el archivo quedará fuera del almacén cifrado de Waypoint</translation>
        </message>
        <message>
            <source>Interview sheet</source>
            <translation>Hoja de entrevista</translation>
        </message>
        <message>
            <source>The questions still open in this case on one page, with room for the answers, to take to the interview. It uses the answers as they stand now and the decision date above.</source>
            <translation>Las preguntas aún abiertas de este caso en una página, con espacio para las respuestas, para llevar a la entrevista. Usa las respuestas tal como están ahora y la fecha de la decisión indicada arriba.</translation>
        </message>
        <message>
            <source>&amp;English</source>
            <translation>&amp;Inglés (English)</translation>
        </message>
        <message>
            <source>Spa&amp;nish (español)</source>
            <translation>Espa&amp;ñol</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>&amp;Guardar como PDF…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Imprimir…</translation>
        </message>
        <message>
            <source>Language of the sheet:</source>
            <translation>Idioma de la hoja:</translation>
        </message>
        <message>
            <source>&amp;Interview sheet…</source>
            <translation>&amp;Hoja de entrevista…</translation>
        </message>
        <message>
            <source>The open questions on one page, in English or Spanish: save as PDF or print</source>
            <translation>Las preguntas abiertas en una página, en inglés o en español: guardar como PDF o imprimir</translation>
        </message>
        <message>
            <source>Print interview sheet ({name})</source>
            <translation>Imprimir la hoja de entrevista ({name})</translation>
        </message>
        <message>
            <source>interview sheet ({name})</source>
            <translation>hoja de entrevista ({name})</translation>
        </message>
        <message>
            <source>Rendering the interview sheet…</source>
            <translation>Generando la hoja de entrevista…</translation>
        </message>
        <message>
            <source>Printing the interview sheet…</source>
            <translation>Imprimiendo la hoja de entrevista…</translation>
        </message>
        <message>
            <source>Interview sheet saved to {path} — this copy is outside Waypoint's encrypted store</source>
            <translation>Hoja de entrevista guardada en {path} — esta copia está fuera del almacén cifrado de Waypoint</translation>
        </message>
        <message>
            <source>The interview sheet could not be made: {error}</source>
            <translation>No se pudo generar la hoja de entrevista: {error}</translation>
        </message>
    </context>
    <context>
        <name>IssueKeyDialog</name>
        <message>
            <source>Issue a signing key</source>
            <translation>Emitir una clave de firma</translation>
        </message>
        <message>
            <source>The office's certificate authority signs a new key for this person and registers its fingerprint with the role: 'waypoint memo verify' then names them as the signer. The key is installed here; the person types its passphrase to sign.</source>
            <translation>La autoridad de certificación de la oficina firma una clave nueva para esta persona y registra su huella digital con la función: así 'waypoint memo verify' la nombra como firmante. La clave se instala aquí; la persona escribe su frase de contraseña para firmar.</translation>
        </message>
        <message>
            <source>Person's name</source>
            <translation>Nombre de la persona</translation>
        </message>
        <message>
            <source>caseworker</source>
            <translation>gestor de casos</translation>
        </message>
        <message>
            <source>supervisor</source>
            <translation>supervisor</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Función</translation>
        </message>
        <message>
            <source>Office authority passphrase</source>
            <translation>Frase de contraseña de la autoridad de la oficina</translation>
        </message>
        <message>
            <source>New key passphrase</source>
            <translation>Frase de contraseña de la clave nueva</translation>
        </message>
        <message>
            <source>Repeat the new key passphrase</source>
            <translation>Repita la frase de contraseña de la clave nueva</translation>
        </message>
        <message>
            <source>&amp;Person's name:</source>
            <translation>&amp;Nombre de la persona:</translation>
        </message>
        <message>
            <source>&amp;Role:</source>
            <translation>&amp;Función:</translation>
        </message>
        <message>
            <source>&amp;Authority's passphrase:</source>
            <translation>Frase de la &amp;autoridad:</translation>
        </message>
        <message>
            <source>&amp;New key's passphrase:</source>
            <translation>Frase de la clave &amp;nueva:</translation>
        </message>
        <message>
            <source>R&amp;epeat:</source>
            <translation>R&amp;epetir:</translation>
        </message>
        <message>
            <source>Issue result</source>
            <translation>Resultado de la emisión</translation>
        </message>
        <message>
            <source>&amp;Issue</source>
            <translation>&amp;Emitir</translation>
        </message>
        <message>
            <source>Issuing the key…</source>
            <translation>Emitiendo la clave…</translation>
        </message>
        <message>
            <source>Issued {person} ({role}) a signing key, valid to {not_after:%d %b %Y}. Certificate fingerprint (SHA-256): {grouped}</source>
            <translation>Se emitió a {person} ({role}) una clave de firma, válida hasta el {not_after:%Y-%m-%d}. Huella digital del certificado (SHA-256): {grouped}</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>The key could not be kept: {value}.</source>
            <translation>No se pudo guardar la clave: {value}.</translation>
        </message>
        <message>
            <source>The key could not be issued: {error}</source>
            <translation>No se pudo emitir la clave: {error}</translation>
        </message>
    </context>
    <context>
        <name>JourneyModel</name>
        <message>
            <source>Drag, or press Ctrl+Up / Ctrl+Down, to reorder</source>
            <translation>Arrastre, o pulse Ctrl+Arriba / Ctrl+Abajo, para reordenar</translation>
        </message>
        <message>
            <source>Country not chosen</source>
            <translation>País no elegido</translation>
        </message>
        <message>
            <source>Stop {number}: {text}</source>
            <translation>Parada {number}: {text}</translation>
        </message>
        <message numerus="yes">
            <source>   (%n claim(s))</source>
            <translation>
                <numerusform>   (%n solicitud)</numerusform>
                <numerusform>   (%n solicitudes)</numerusform>
            </translation>
        </message>
        <message>
            <source>Problems</source>
            <translation>Problemas</translation>
        </message>
        <message>
            <source>Still needed</source>
            <translation>Aún falta</translation>
        </message>
    </context>
    <context>
        <name>JourneyPage</name>
        <message>
            <source>Stops in order</source>
            <translation>Paradas en orden</translation>
        </message>
        <message>
            <source>&amp;Add stop</source>
            <translation>&amp;Añadir parada</translation>
        </message>
        <message>
            <source>&amp;Insert before</source>
            <translation>&amp;Insertar antes</translation>
        </message>
        <message>
            <source>&amp;Remove</source>
            <translation>&amp;Quitar</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>S&amp;ubir</translation>
        </message>
        <message>
            <source>Move &amp;down</source>
            <translation>&amp;Bajar</translation>
        </message>
        <message>
            <source>Add a stop at the end</source>
            <translation>Añadir una parada al final</translation>
        </message>
        <message>
            <source>Insert a stop before the selected one (Insert)</source>
            <translation>Insertar una parada antes de la seleccionada (Insert)</translation>
        </message>
        <message>
            <source>Remove the selected stop (Delete)</source>
            <translation>Quitar la parada seleccionada (Supr)</translation>
        </message>
        <message>
            <source>Move the selected stop earlier (Ctrl+Up)</source>
            <translation>Mover la parada seleccionada antes (Ctrl+Arriba)</translation>
        </message>
        <message>
            <source>Move the selected stop later (Ctrl+Down)</source>
            <translation>Mover la parada seleccionada después (Ctrl+Abajo)</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Parada</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>País</translation>
        </message>
        <message>
            <source>Arrived</source>
            <translation>Llegada</translation>
        </message>
        <message>
            <source>Departed</source>
            <translation>Salida</translation>
        </message>
        <message>
            <source>City or region</source>
            <translation>Ciudad o región</translation>
        </message>
        <message>
            <source>e.g. Tapachula</source>
            <translation>p. ej. Tapachula</translation>
        </message>
        <message>
            <source>Status held</source>
            <translation>Estatus que tenía</translation>
        </message>
        <message>
            <source>Add the first stop</source>
            <translation>Añadir la primera parada</translation>
        </message>
        <message>
            <source>Permanent status offered</source>
            <translation>Estatus permanente ofrecido</translation>
        </message>
        <message>
            <source>An offer of permanent residence, citizenship or other permanent resettlement</source>
            <translation>Una oferta de residencia permanente, ciudadanía u otro reasentamiento permanente</translation>
        </message>
        <message>
            <source>Onward travel only</source>
            <translation>Solo de paso</translation>
        </message>
        <message>
            <source>Residence restricted</source>
            <translation>Residencia restringida</translation>
        </message>
        <message>
            <source>Returned later</source>
            <translation>Regresó después</translation>
        </message>
        <message>
            <source>Left and came back</source>
            <translation>Salió y volvió</translation>
        </message>
        <message>
            <source>How the US stay ended</source>
            <translation>Cómo terminó la estancia en EE. UU.</translation>
        </message>
        <message>
            <source>An earlier stay in the United States: removed, returned voluntarily or departed</source>
            <translation>Una estancia anterior en los Estados Unidos: expulsado, regresó voluntariamente o salió</translation>
        </message>
        <message>
            <source>Removed stop</source>
            <translation>Parada quitada</translation>
        </message>
        <message>
            <source>Undo re&amp;move</source>
            <translation>Deshacer &amp;quitar</translation>
        </message>
        <message>
            <source>Undo remove</source>
            <translation>Deshacer quitar</translation>
        </message>
        <message>
            <source>Put the removed stop back (Ctrl+Z)</source>
            <translation>Volver a poner la parada quitada (Ctrl+Z)</translation>
        </message>
        <message>
            <source>Move the selected stop up</source>
            <translation>Subir la parada seleccionada</translation>
        </message>
        <message>
            <source>Move the selected stop down</source>
            <translation>Bajar la parada seleccionada</translation>
        </message>
        <message>
            <source>Undo removing a stop</source>
            <translation>Deshacer la eliminación de una parada</translation>
        </message>
        <message>
            <source>Removed {describe_stop}. Ctrl+Z puts it back.</source>
            <translation>Se quitó {describe_stop}. Ctrl+Z la vuelve a poner.</translation>
        </message>
        <message>
            <source>Stop {row}</source>
            <translation>Parada {row}</translation>
        </message>
        <message>
            <source>Problems in stop(s) {stops}</source>
            <translation>Problemas en las paradas {stops}</translation>
        </message>
    </context>
    <context>
        <name>LanguageListEdit</name>
        <message>
            <source>Unknown — type a language, e.g. Vietnamese, English</source>
            <translation>Desconocido — escriba un idioma, p. ej. vietnamita, inglés</translation>
        </message>
        <message>
            <source>Not a language: {join}. Type a name and choose from the list</source>
            <translation>No es un idioma: {join}. Escriba un nombre y elíjalo de la lista</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>I&amp;dioma</translation>
        </message>
        <message>
            <source>System language ({name})</source>
            <translation>Idioma del sistema ({name})</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <source>Waypoint will be in {language} the next time it starts. Nothing else changes: your cases stay as they are.</source>
            <translation>Waypoint estará en {language} la próxima vez que se inicie. Nada más cambia: sus casos quedan como están.</translation>
        </message>
    </context>
    <context>
        <name>LockPage</name>
        <message>
            <source>Waypoint is locked</source>
            <translation>Waypoint está bloqueado</translation>
        </message>
        <message>
            <source>Enter the passphrase (or the recovery key) to see the cases.</source>
            <translation>Introduzca la frase de contraseña (o la clave de recuperación) para ver los casos.</translation>
        </message>
        <message>
            <source>Login</source>
            <translation>Usuario</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Frase de contraseña</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Desbloquear</translation>
        </message>
        <message>
            <source>Unlock problem</source>
            <translation>Problema al desbloquear</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Contraseña</translation>
        </message>
        <message>
            <source>Checking the passphrase…</source>
            <translation>Comprobando la frase de contraseña…</translation>
        </message>
        <message>
            <source>Enter your login (your user name on the office server).</source>
            <translation>Introduzca su usuario (su nombre de usuario en el servidor de la oficina).</translation>
        </message>
        <message>
            <source>Waypoint stays locked until the passphrase is entered.</source>
            <translation>Waypoint sigue bloqueado hasta que se introduzca la frase de contraseña.</translation>
        </message>
        <message>
            <source>&amp;Lock</source>
            <translation>&amp;Bloquear</translation>
        </message>
        <message>
            <source>Enter your server password to see the cases again.</source>
            <translation>Introduzca la contraseña del servidor para volver a ver los casos.</translation>
        </message>
        <message>
            <source>Enter the passphrase (or the recovery key) to see the cases again.</source>
            <translation>Introduzca la frase de contraseña (o la clave de recuperación) para volver a ver los casos.</translation>
        </message>
        <message>
            <source>The unlock failed.</source>
            <translation>El desbloqueo falló.</translation>
        </message>
        <message>
            <source>Enter the passphrase (or the recovery key).</source>
            <translation>Introduzca la frase de contraseña (o la clave de recuperación).</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Waypoint</source>
            <translation>Waypoint</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>&amp;Case</source>
            <translation>&amp;Caso</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>A&amp;yuda</translation>
        </message>
        <message>
            <source>&amp;Recent cases</source>
            <translation>Casos &amp;recientes</translation>
        </message>
        <message>
            <source>Database: {describe_database}</source>
            <translation>Base de datos: {describe_database}</translation>
        </message>
        <message>
            <source>No database: {reason}</source>
            <translation>Sin base de datos: {reason}</translation>
        </message>
        <message>
            <source>Rules: —</source>
            <translation>Normas: —</translation>
        </message>
        <message>
            <source>Rules {value} · law known through {known}</source>
            <translation>Normas {value} · ley conocida hasta {known}</translation>
        </message>
        <message>
            <source>Rule pack {get}. Decisions after {known} may be affected by later changes in the law.</source>
            <translation>Paquete de normas {get}. Las decisiones posteriores a {known} pueden verse afectadas por cambios posteriores en la ley.</translation>
        </message>
        <message>
            <source>Decision support — the officer decides</source>
            <translation>Apoyo a la decisión — el oficial decide</translation>
        </message>
        <message>
            <source>Opening {describe_database}…</source>
            <translation>Abriendo {describe_database}…</translation>
        </message>
        <message>
            <source>Database</source>
            <translation>Base de datos</translation>
        </message>
        <message>
            <source>Data folder: {data_dir}</source>
            <translation>Carpeta de datos: {data_dir}</translation>
        </message>
        <message>
            <source>Rules: …</source>
            <translation>Normas: …</translation>
        </message>
        <message>
            <source>Rule pack version</source>
            <translation>Versión del paquete de normas</translation>
        </message>
        <message>
            <source>Decision support notice</source>
            <translation>Aviso de apoyo a la decisión</translation>
        </message>
    </context>
    <context>
        <name>MemoPage</name>
        <message>
            <source>&amp;Refresh preview</source>
            <translation>&amp;Actualizar vista previa</translation>
        </message>
        <message>
            <source>&amp;Save as PDF…</source>
            <translation>&amp;Guardar como PDF…</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Imprimir…</translation>
        </message>
        <message>
            <source>Finali&amp;ze…</source>
            <translation>Finali&amp;zar…</translation>
        </message>
        <message>
            <source>This office requires review: submit the case for review (a supervisor's approval finalizes it).</source>
            <translation>Esta oficina exige revisión: envíe el caso a revisión (la aprobación de un supervisor lo finaliza).</translation>
        </message>
        <message>
            <source>Memo status</source>
            <translation>Estado del memorando</translation>
        </message>
        <message>
            <source>Rendering the memo…</source>
            <translation>Generando el memorando…</translation>
        </message>
        <message>
            <source>Final memo</source>
            <translation>Memorando definitivo</translation>
        </message>
        <message>
            <source>Draft memo</source>
            <translation>Memorando en borrador</translation>
        </message>
        <message numerus="yes">
            <source>{kind}: %n page(s)</source>
            <translation>
                <numerusform>{kind}: %n página</numerusform>
                <numerusform>{kind}: %n páginas</numerusform>
            </translation>
        </message>
        <message>
            <source>Memo preview</source>
            <translation>Vista previa del memorando</translation>
        </message>
        <message>
            <source>The memo cannot be rendered yet: {error}</source>
            <translation>Aún no se puede generar el memorando: {error}</translation>
        </message>
        <message>
            <source>Finalizing…</source>
            <translation>Finalizando…</translation>
        </message>
        <message>
            <source>. Anchor code for the file: {code}</source>
            <translation>. Código de anclaje para el expediente: {code}</translation>
        </message>
        <message>
            <source>Finalized by {officer}, decision date {words}. The case is now read-only{anchor_note}.</source>
            <translation>Finalizado por {officer}, fecha de la decisión {words}. El caso ahora es de solo lectura{anchor_note}.</translation>
        </message>
        <message>
            <source>Save memo as PDF — the file will be outside Waypoint's encrypted store</source>
            <translation>Guardar el memorando como PDF — el archivo quedará fuera del almacén cifrado de Waypoint</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Saved to {path} — this copy is outside Waypoint's encrypted store</source>
            <translation>Guardado en {path} — esta copia está fuera del almacén cifrado de Waypoint</translation>
        </message>
        <message>
            <source>That did not work: {error}</source>
            <translation>No funcionó: {error}</translation>
        </message>
    </context>
    <context>
        <name>MemoPrintSteps</name>
        <message>
            <source>Print memo</source>
            <translation>Imprimir el memorando</translation>
        </message>
        <message>
            <source>{title} — printing to a file makes a copy outside Waypoint's encrypted store</source>
            <translation>{title} — imprimir a un archivo crea una copia fuera del almacén cifrado de Waypoint</translation>
        </message>
        <message>
            <source>Printing the memo…</source>
            <translation>Imprimiendo el memorando…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Printing</source>
            <translation>Impresión</translation>
        </message>
        <message numerus="yes">
            <source>Printed %n page(s)</source>
            <translation>
                <numerusform>Se imprimió %n página</numerusform>
                <numerusform>Se imprimieron %n páginas</numerusform>
            </translation>
        </message>
        <message>
            <source>Printing cancelled</source>
            <translation>Impresión cancelada</translation>
        </message>
    </context>
    <context>
        <name>MemoPrinting</name>
        <message>
            <source>The memo could not be read for printing ({problem})</source>
            <translation>No se pudo leer el memorando para imprimirlo ({problem})</translation>
        </message>
    </context>
    <context>
        <name>MergeDialog</name>
        <message>
            <source>Keep yours</source>
            <translation>Conservar el suyo</translation>
        </message>
        <message>
            <source>Keep saved</source>
            <translation>Conservar el guardado</translation>
        </message>
        <message>
            <source>Someone else saved this case</source>
            <translation>Otra persona guardó este caso</translation>
        </message>
        <message>
            <source>Merge two versions of the case</source>
            <translation>Combinar dos versiones del caso</translation>
        </message>
        <message>
            <source>You were editing version {your_version}; someone saved version {saved_version} meanwhile. Your changes are not lost and nothing was overwritten. For each field that differs, choose which value to keep, then save the merged case.</source>
            <translation>Usted editaba la versión {your_version}; mientras tanto, otra persona guardó la versión {saved_version}. Sus cambios no se perdieron y no se sobrescribió nada. Para cada campo que difiere, elija qué valor conservar y guarde el caso combinado.</translation>
        </message>
        <message>
            <source>Fields that differ</source>
            <translation>Campos que difieren</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Campo</translation>
        </message>
        <message>
            <source>Your version</source>
            <translation>Su versión</translation>
        </message>
        <message>
            <source>Saved version ({saved_version})</source>
            <translation>Versión guardada ({saved_version})</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>Conservar</translation>
        </message>
        <message>
            <source>Save merged case</source>
            <translation>Guardar el caso combinado</translation>
        </message>
        <message>
            <source>Keep which value of {label}</source>
            <translation>Qué valor de {label} conservar</translation>
        </message>
    </context>
    <context>
        <name>OfficeQueue</name>
        <message>
            <source>My cases</source>
            <translation>Mis casos</translation>
        </message>
        <message>
            <source>Awaiting my review</source>
            <translation>Pendientes de mi revisión</translation>
        </message>
        <message>
            <source>Returned to me</source>
            <translation>Devueltos a mí</translation>
        </message>
        <message>
            <source>All cases</source>
            <translation>Todos los casos</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nombre</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>Revisión</translation>
        </message>
        <message>
            <source>Assigned to</source>
            <translation>Asignado a</translation>
        </message>
        <message>
            <source>Comments</source>
            <translation>Comentarios</translation>
        </message>
        <message>
            <source>awaiting review</source>
            <translation>pendiente de revisión</translation>
        </message>
        <message>
            <source>returned</source>
            <translation>devuelto</translation>
        </message>
        <message>
            <source>Which cases</source>
            <translation>Qué casos</translation>
        </message>
        <message>
            <source>Office cases</source>
            <translation>Casos de la oficina</translation>
        </message>
        <message>
            <source>Assign to…</source>
            <translation>Asignar a…</translation>
        </message>
        <message>
            <source>Assign the selected case to a caseworker</source>
            <translation>Asignar el caso seleccionado a un gestor de casos</translation>
        </message>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n caso</numerusform>
                <numerusform>%n casos</numerusform>
            </translation>
        </message>
        <message>
            <source>Assign the case</source>
            <translation>Asignar el caso</translation>
        </message>
        <message>
            <source>Caseworker</source>
            <translation>Gestor de casos</translation>
        </message>
        <message>
            <source>Office</source>
            <translation>Oficina</translation>
        </message>
    </context>
    <context>
        <name>OfficerDialogs</name>
        <message>
            <source>Officer's name</source>
            <translation>Nombre del oficial</translation>
        </message>
        <message>
            <source>&amp;Officer's name:</source>
            <translation>Nombre del &amp;oficial:</translation>
        </message>
        <message>
            <source>Reason for the amendment</source>
            <translation>Motivo de la enmienda</translation>
        </message>
        <message>
            <source>&amp;Reason:</source>
            <translation>&amp;Motivo:</translation>
        </message>
        <message>
            <source>Signing key passphrase</source>
            <translation>Frase de contraseña de la clave de firma</translation>
        </message>
        <message>
            <source>Signing &amp;passphrase:</source>
            <translation>&amp;Frase de la clave de firma:</translation>
        </message>
        <message>
            <source>Repeat the new passphrase</source>
            <translation>Repita la frase de contraseña nueva</translation>
        </message>
        <message>
            <source>&amp;Repeat (new key):</source>
            <translation>&amp;Repetir (clave nueva):</translation>
        </message>
        <message>
            <source>No signing key under this name yet: one is made now and protected with this passphrase.</source>
            <translation>Aún no hay clave de firma con este nombre: se crea una ahora, protegida con esta frase de contraseña.</translation>
        </message>
        <message>
            <source>Finalize memo</source>
            <translation>Finalizar el memorando</translation>
        </message>
        <message>
            <source>Finalizing signs the memo with your digital signature, stores it under your name and locks the case. Later changes need an amendment.</source>
            <translation>Al finalizar, el memorando se firma con su firma digital, se guarda a su nombre y el caso queda bloqueado. Los cambios posteriores requieren una enmienda.</translation>
        </message>
        <message>
            <source>Amend finalized case</source>
            <translation>Enmendar el caso finalizado</translation>
        </message>
        <message>
            <source>The final memo stays on record. Amending unlocks the facts; finalizing again stores a new memo that supersedes it. Your signing key's passphrase shows the amendment is yours.</source>
            <translation>El memorando definitivo queda en el expediente. La enmienda desbloquea los hechos; al finalizar de nuevo se guarda un memorando nuevo que lo sustituye. La frase de contraseña de su clave de firma acredita que la enmienda es suya.</translation>
        </message>
    </context>
    <context>
        <name>OpenCaseDialog</name>
        <message>
            <source>Open case</source>
            <translation>Abrir caso</translation>
        </message>
        <message>
            <source>Name, A-number (any part, e.g. the last digits) or notes</source>
            <translation>Nombre, número A (cualquier parte, p. ej. los últimos dígitos) o notas</translation>
        </message>
        <message>
            <source>Find a case</source>
            <translation>Buscar un caso</translation>
        </message>
        <message>
            <source>Matching cases</source>
            <translation>Casos coincidentes</translation>
        </message>
        <message>
            <source>&amp;Find:</source>
            <translation>&amp;Buscar:</translation>
        </message>
        <message>
            <source>Search failed: {error}</source>
            <translation>La búsqueda falló: {error}</translation>
        </message>
        <message>
            <source>entered {entry_date}</source>
            <translation>entró el {entry_date}</translation>
        </message>
        <message>
            <source> (the first 50)</source>
            <translation> (los 50 primeros)</translation>
        </message>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n caso</numerusform>
                <numerusform>%n casos</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OutcomeCards</name>
        <message>
            <source>✓ rule data verified</source>
            <translation>✓ datos de la norma verificados</translation>
        </message>
        <message>
            <source>Decided by:</source>
            <translation>Decidido por:</translation>
        </message>
        <message>
            <source>&lt;b&gt;Still needed:&lt;/b&gt;</source>
            <translation>&lt;b&gt;Aún falta:&lt;/b&gt;</translation>
        </message>
        <message>
            <source>if {answer}: {outcome}</source>
            <translation>si {answer}: {outcome}</translation>
        </message>
        <message numerus="yes">
            <source>Citations (%n)</source>
            <translation>
                <numerusform>Citas (%n)</numerusform>
                <numerusform>Citas (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>Citations of {get}</source>
            <translation>Citas de {get}</translation>
        </message>
        <message>
            <source>Outcome cards</source>
            <translation>Tarjetas de resultados</translation>
        </message>
        <message>
            <source>Show &amp;why: every step, fact and citation</source>
            <translation>Mostrar el &amp;porqué: cada paso, hecho y cita</translation>
        </message>
        <message>
            <source>Hide &amp;why (every step)</source>
            <translation>Ocultar el &amp;porqué (cada paso)</translation>
        </message>
        <message>
            <source>Show the why tree</source>
            <translation>Mostrar el árbol del porqué</translation>
        </message>
    </context>
    <context>
        <name>OutcomeStripWidget</name>
        <message>
            <source>When each outcome holds, by decision date (Shift+F1: in words)</source>
            <translation>Cuándo rige cada resultado, según la fecha de la decisión (Mayús+F1: en palabras)</translation>
        </message>
        <message>
            <source>When each outcome holds</source>
            <translation>Cuándo rige cada resultado</translation>
        </message>
        <message>
            <source>decision date</source>
            <translation>fecha de la decisión</translation>
        </message>
    </context>
    <context>
        <name>PartialDateEdit</name>
        <message>
            <source>Unknown — type e.g. {example}</source>
            <translation>Desconocida — p. ej. {example}</translation>
        </message>
        <message>
            <source>Unknown — type 2019, 5/2019, May 2019 or {example}</source>
            <translation>Desconocida — 2019, 5/2019, May 2019 o {example}</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Fecha</translation>
        </message>
        <message>
            <source>not a date</source>
            <translation>no es una fecha</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Desconocida</translation>
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <source>Waypoint encrypts every case with this passphrase. If it is lost, the cases cannot be recovered by anyone — unless you save a recovery key now and keep it apart from the laptop.</source>
            <translation>Waypoint cifra todos los casos con esta frase de contraseña. Si se pierde, nadie podrá recuperar los casos, salvo que guarde ahora una clave de recuperación y la conserve separada del portátil.</translation>
        </message>
        <message>
            <source>Current passphrase</source>
            <translation>Frase de contraseña actual</translation>
        </message>
        <message>
            <source>New passphrase</source>
            <translation>Frase de contraseña nueva</translation>
        </message>
        <message>
            <source>New passphrase again</source>
            <translation>Frase de contraseña nueva, otra vez</translation>
        </message>
        <message>
            <source>Passphrase strength</source>
            <translation>Solidez de la frase de contraseña</translation>
        </message>
        <message>
            <source>Make a recovery key (shown once; write it down)</source>
            <translation>Crear una clave de recuperación (se muestra una sola vez; anótela)</translation>
        </message>
        <message>
            <source>Remember the passphrase in this computer's keyring (anyone who can log in as you can then open Waypoint)</source>
            <translation>Recordar la frase de contraseña en el llavero de este equipo (cualquiera que pueda iniciar sesión como usted podrá abrir Waypoint)</translation>
        </message>
        <message>
            <source>Current passphrase:</source>
            <translation>Frase actual:</translation>
        </message>
        <message>
            <source>New passphrase:</source>
            <translation>Frase nueva:</translation>
        </message>
        <message>
            <source>Again:</source>
            <translation>Otra vez:</translation>
        </message>
        <message>
            <source> The two entries differ.</source>
            <translation> Las dos entradas no coinciden.</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>Clave de recuperación</translation>
        </message>
        <message>
            <source>Write this recovery key down and keep it apart from the laptop. It opens the database wherever Waypoint asks for the passphrase. It is shown only now.</source>
            <translation>Anote esta clave de recuperación y consérvela separada del portátil. Abre la base de datos dondequiera que Waypoint pida la frase de contraseña. Solo se muestra ahora.</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copiar</translation>
        </message>
        <message>
            <source>Copied</source>
            <translation>Copiada</translation>
        </message>
    </context>
    <context>
        <name>PassphraseStrength</name>
        <message>
            <source>Too short: use at least 10 characters (4 or more words is best).</source>
            <translation>Demasiado corta: use al menos 10 caracteres (lo mejor son 4 palabras o más).</translation>
        </message>
        <message>
            <source>Too repetitive: use different words or characters.</source>
            <translation>Demasiado repetitiva: use palabras o caracteres distintos.</translation>
        </message>
        <message>
            <source>Strong: a long passphrase.</source>
            <translation>Sólida: una frase de contraseña larga.</translation>
        </message>
        <message>
            <source>Fair: longer is stronger (4 or more words is best).</source>
            <translation>Aceptable: cuanto más larga, más sólida (lo mejor son 4 palabras o más).</translation>
        </message>
        <message>
            <source>Weak: add words, or mix capitals, digits and symbols.</source>
            <translation>Débil: añada palabras o combine mayúsculas, dígitos y símbolos.</translation>
        </message>
    </context>
    <context>
        <name>ProfileDialog</name>
        <message>
            <source>Who is working?</source>
            <translation>¿Quién está trabajando?</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>Perfil</translation>
        </message>
        <message>
            <source>Your actions are recorded under this profile.</source>
            <translation>Sus acciones se registran con este perfil.</translation>
        </message>
    </context>
    <context>
        <name>ReviewBanner</name>
        <message>
            <source>Review comments on this step</source>
            <translation>Comentarios de revisión sobre este paso</translation>
        </message>
        <message>
            <source>Returned by {name_of} on {isoformat}: {body}</source>
            <translation>Devuelto por {name_of} el {isoformat}: {body}</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <source>Decision support — the officer decides.</source>
            <translation>Apoyo a la decisión — el oficial decide.</translation>
        </message>
        <message>
            <source>The law may have changed</source>
            <translation>Puede que la ley haya cambiado</translation>
        </message>
        <message>
            <source>{UNVERIFIED_MARK}: rests on data the research notes could not verify.</source>
            <translation>{UNVERIFIED_MARK}: se basa en datos que las notas de investigación no pudieron verificar.</translation>
        </message>
        <message>
            <source>Unverified data legend</source>
            <translation>Leyenda de datos sin verificar</translation>
        </message>
        <message>
            <source>Evaluation status</source>
            <translation>Estado de la evaluación</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>Conclusiones</translation>
        </message>
        <message>
            <source>Why: trace steps, facts used and citations</source>
            <translation>Porqué: pasos del razonamiento, hechos usados y citas</translation>
        </message>
        <message>
            <source>Evaluating…</source>
            <translation>Evaluando…</translation>
        </message>
        <message>
            <source>Evaluated as of {words}</source>
            <translation>Evaluado a fecha de {words}</translation>
        </message>
        <message>
            <source>The case cannot be evaluated yet</source>
            <translation>Aún no se puede evaluar el caso</translation>
        </message>
        <message>
            <source>Evaluation failed: {error}</source>
            <translation>La evaluación falló: {error}</translation>
        </message>
        <message>
            <source>&lt;b&gt;Complete these answers first:&lt;/b&gt;&lt;ul&gt;{items}&lt;/ul&gt;</source>
            <translation>&lt;b&gt;Complete primero estas respuestas:&lt;/b&gt;&lt;ul&gt;{items}&lt;/ul&gt;</translation>
        </message>
    </context>
    <context>
        <name>ReviewPanel</name>
        <message>
            <source>Return the case with a comment</source>
            <translation>Devolver el caso con un comentario</translation>
        </message>
        <message>
            <source>Step the comment concerns</source>
            <translation>Paso al que se refiere el comentario</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>Comentario</translation>
        </message>
        <message>
            <source>Return to caseworker</source>
            <translation>Devolver al gestor de casos</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Paso</translation>
        </message>
        <message>
            <source>Approve and sign the memo</source>
            <translation>Aprobar y firmar el memorando</translation>
        </message>
        <message>
            <source>Approving makes the memo final and signs it as {reviewer}: your digital signature is added to the caseworker's (or is the only one if they did not sign). Leave the passphrase empty to approve without a digital signature, when the caseworker did not sign. A new key is made on first use.</source>
            <translation>Al aprobar, el memorando pasa a ser definitivo y se firma como {reviewer}: su firma digital se añade a la del gestor de casos (o es la única si este no firmó). Deje vacía la frase de contraseña para aprobar sin firma digital cuando el gestor de casos no haya firmado. La primera vez se crea una clave nueva.</translation>
        </message>
        <message>
            <source>Signing passphrase</source>
            <translation>Frase de contraseña de firma</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Aprobar</translation>
        </message>
        <message>
            <source>Review status</source>
            <translation>Estado de la revisión</translation>
        </message>
        <message>
            <source>Submit for review</source>
            <translation>Enviar a revisión</translation>
        </message>
        <message>
            <source>Submit the case for a supervisor's review</source>
            <translation>Enviar el caso a la revisión de un supervisor</translation>
        </message>
        <message>
            <source>Approve the case and finalize its memo</source>
            <translation>Aprobar el caso y finalizar su memorando</translation>
        </message>
        <message>
            <source>Return…</source>
            <translation>Devolver…</translation>
        </message>
        <message>
            <source>Return the case to the caseworker with a comment</source>
            <translation>Devolver el caso al gestor de casos con un comentario</translation>
        </message>
        <message>
            <source>Draft: not yet submitted for review</source>
            <translation>Borrador: aún no enviado a revisión</translation>
        </message>
        <message>
            <source>Awaiting review (submitted by {who})</source>
            <translation>Pendiente de revisión (enviado por {who})</translation>
        </message>
        <message>
            <source>Returned by {who}: see the comments on the steps</source>
            <translation>Devuelto por {who}: vea los comentarios en los pasos</translation>
        </message>
        <message>
            <source>Approved by {who}</source>
            <translation>Aprobado por {who}</translation>
        </message>
        <message>
            <source>Submit for review — your determination</source>
            <translation>Enviar a revisión — su determinación</translation>
        </message>
        <message>
            <source>Decision date: {words} (it is fixed when you submit). Waypoint's findings are decision support: record your own conclusion on each. A supervisor's approval endorses your determination and makes the memo final. With a passphrase you sign the memo as submitted.</source>
            <translation>Fecha de la decisión: {words} (queda fijada al enviar). Las conclusiones de Waypoint son un apoyo a la decisión: registre su propia conclusión sobre cada una. La aprobación de un supervisor respalda su determinación y hace definitivo el memorando. Con una frase de contraseña usted firma el memorando tal como lo envía.</translation>
        </message>
        <message>
            <source>Not done: {error}</source>
            <translation>No se hizo: {error}</translation>
        </message>
    </context>
    <context>
        <name>RouteMapWidget</name>
        <message>
            <source>Dashed ring: a date of that stop is not known to the day</source>
            <translation>Anillo discontinuo: una fecha de esa parada no se conoce con exactitud de día</translation>
        </message>
        <message>
            <source>Route map</source>
            <translation>Mapa de la ruta</translation>
        </message>
        <message>
            <source> (dates uncertain)</source>
            <translation> (fechas inciertas)</translation>
        </message>
        <message>
            <source>Route: {stops}</source>
            <translation>Ruta: {stops}</translation>
        </message>
        <message>
            <source>No stops yet</source>
            <translation>Aún no hay paradas</translation>
        </message>
    </context>
    <context>
        <name>RulesPage</name>
        <message>
            <source>Cases marked by a change in the law (until re-evaluated):</source>
            <translation>Casos marcados por un cambio en la ley (hasta que se reevalúen):</translation>
        </message>
        <message>
            <source>Cases marked law changed</source>
            <translation>Casos marcados como «la ley cambió»</translation>
        </message>
        <message>
            <source>&lt;b&gt;Rule packs&lt;/b&gt; — the law Waypoint applies. Every pack ever used is kept, so each stored determination can be reproduced.</source>
            <translation>&lt;b&gt;Paquetes de normas&lt;/b&gt; — la ley que aplica Waypoint. Se conserva cada paquete usado, de modo que cada determinación guardada puede reproducirse.</translation>
        </message>
        <message>
            <source>Installed rule packs</source>
            <translation>Paquetes de normas instalados</translation>
        </message>
        <message>
            <source>What changed in the selected pack</source>
            <translation>Qué cambió en el paquete seleccionado</translation>
        </message>
        <message>
            <source>&amp;Install from file…</source>
            <translation>&amp;Instalar desde archivo…</translation>
        </message>
        <message>
            <source>&amp;Activate selected</source>
            <translation>&amp;Activar el seleccionado</translation>
        </message>
        <message>
            <source>&amp;Roll back</source>
            <translation>&amp;Revertir</translation>
        </message>
        <message>
            <source>&amp;Back to cases</source>
            <translation>&amp;Volver a los casos</translation>
        </message>
        <message>
            <source>Rule pack status</source>
            <translation>Estado del paquete de normas</translation>
        </message>
        <message>
            <source>Impact progress</source>
            <translation>Progreso del análisis de impacto</translation>
        </message>
        <message>
            <source>&amp;Cancel</source>
            <translation>&amp;Cancelar</translation>
        </message>
        <message>
            <source>Cases the new pack changes</source>
            <translation>Casos que cambia el paquete nuevo</translation>
        </message>
        <message>
            <source>Install and &amp;mark cases</source>
            <translation>Instalar y &amp;marcar casos</translation>
        </message>
        <message>
            <source>&amp;Discard</source>
            <translation>&amp;Descartar</translation>
        </message>
        <message>
            <source>with the app</source>
            <translation>con la aplicación</translation>
        </message>
        <message>
            <source>Install a rule pack</source>
            <translation>Instalar un paquete de normas</translation>
        </message>
        <message>
            <source>Waypoint rule packs (*.wprules)</source>
            <translation>Paquetes de normas de Waypoint (*.wprules)</translation>
        </message>
        <message>
            <source>Checking {name}…</source>
            <translation>Comprobando {name}…</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>desconocida</translation>
        </message>
        <message>
            <source>Rule pack {version} (law known through {known}), signed by {signer}. What changed: {changelog}
Re-evaluating the stored cases…</source>
            <translation>Paquete de normas {version} (ley conocida hasta {known}), firmado por {signer}. Qué cambió: {changelog}
Reevaluando los casos guardados…</translation>
        </message>
        <message numerus="yes">
            <source>Of %n stored case(s), {count} change{by_rule}.</source>
            <translation>
                <numerusform>De %n caso guardado, cambian {count}{by_rule}.</numerusform>
                <numerusform>De %n casos guardados, cambian {count}{by_rule}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n draft(s) too incomplete to evaluate.</source>
            <translation>
                <numerusform>%n borrador demasiado incompleto para evaluarlo.</numerusform>
                <numerusform>%n borradores demasiado incompletos para evaluarlos.</numerusform>
            </translation>
        </message>
        <message>
            <source>Finalized memos never change: finalized cases are marked for an amendment.</source>
            <translation>Los memorandos definitivos nunca cambian: los casos finalizados se marcan para una enmienda.</translation>
        </message>
        <message numerus="yes">
            <source>Install and mark %n case(s)</source>
            <translation>
                <numerusform>Instalar y marcar %n caso</numerusform>
                <numerusform>Instalar y marcar %n casos</numerusform>
            </translation>
        </message>
        <message>
            <source>Impact cancelled; nothing was installed.</source>
            <translation>Análisis de impacto cancelado; no se instaló nada.</translation>
        </message>
        <message>
            <source>The impact could not be computed: {error}</source>
            <translation>No se pudo calcular el impacto: {error}</translation>
        </message>
        <message>
            <source>Installing rule pack {version}…</source>
            <translation>Instalando el paquete de normas {version}…</translation>
        </message>
        <message numerus="yes">
            <source>Rule pack {version} installed and active; %n case(s) marked "law changed".</source>
            <translation>
                <numerusform>Paquete de normas {version} instalado y activo; %n caso marcado como «la ley cambió».</numerusform>
                <numerusform>Paquete de normas {version} instalado y activo; %n casos marcados como «la ley cambió».</numerusform>
            </translation>
        </message>
        <message>
            <source>Active rule pack: {version} ({value}).</source>
            <translation>Paquete de normas activo: {version} ({value}).</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Activo</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Versión</translation>
        </message>
        <message>
            <source>Law known through</source>
            <translation>Ley conocida hasta</translation>
        </message>
        <message>
            <source>Signer</source>
            <translation>Firmante</translation>
        </message>
        <message>
            <source>Installed</source>
            <translation>Instalado</translation>
        </message>
        <message>
            <source>Hash</source>
            <translation>Hash</translation>
        </message>
        <message>
            <source>Case</source>
            <translation>Caso</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Referencia</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>Decision date</source>
            <translation>Fecha de la decisión</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Norma</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>Antes</translation>
        </message>
        <message>
            <source>After</source>
            <translation>Después</translation>
        </message>
        <message>
            <source>Flag</source>
            <translation>Marca</translation>
        </message>
        <message>
            <source>What changed</source>
            <translation>Qué cambió</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>The case shortcuts (next and previous step, go to a step, save, print, finalize) are listed here once a case has been opened.</source>
            <translation>Los atajos de un caso (paso siguiente y anterior, ir a un paso, guardar, imprimir, finalizar) aparecen aquí una vez abierto un caso.</translation>
        </message>
        <message>
            <source>Anywhere</source>
            <translation>En cualquier lugar</translation>
        </message>
        <message>
            <source>In a case</source>
            <translation>En un caso</translation>
        </message>
        <message>
            <source>In a case: {inner}</source>
            <translation>En un caso: {inner}</translation>
        </message>
        <message>
            <source> or </source>
            <translation> o </translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Atajos de teclado</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Teclas</translation>
        </message>
        <message>
            <source>What it does</source>
            <translation>Qué hace</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>Dónde</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Atajos de teclado</translation>
        </message>
    </context>
    <context>
        <name>SigningKeyDialog</name>
        <message>
            <source>PKCS#12 key (*.p12 *.pfx);;All files (*)</source>
            <translation>Clave PKCS#12 (*.p12 *.pfx);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Import signing key (PKCS#12)</source>
            <translation>Importar clave de firma (PKCS#12)</translation>
        </message>
        <message>
            <source>Import a signing key and certificate your organisation issued as a PKCS#12 file (.p12 or .pfx). Finalizing a memo as this officer then signs it with this key. The key is kept as issued, still encrypted with the file's passphrase, in Waypoint's data folder: type that passphrase when you finalize.</source>
            <translation>Importe una clave de firma y un certificado que su organización emitió como archivo PKCS#12 (.p12 o .pfx). Al finalizar un memorando como este oficial, se firmará con esta clave. La clave se conserva tal como se emitió, cifrada aún con la frase de contraseña del archivo, en la carpeta de datos de Waypoint: escriba esa frase al finalizar.</translation>
        </message>
        <message>
            <source>Import result</source>
            <translation>Resultado de la importación</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>&amp;Importar</translation>
        </message>
        <message>
            <source>PKCS#12 key file</source>
            <translation>Archivo de clave PKCS#12</translation>
        </message>
        <message>
            <source>the .p12 or .pfx file</source>
            <translation>el archivo .p12 o .pfx</translation>
        </message>
        <message>
            <source>&amp;Choose…</source>
            <translation>&amp;Elegir…</translation>
        </message>
        <message>
            <source>Choose the key file</source>
            <translation>Elegir el archivo de clave</translation>
        </message>
        <message>
            <source>Officer's name</source>
            <translation>Nombre del oficial</translation>
        </message>
        <message>
            <source>Passphrase of the key file</source>
            <translation>Frase de contraseña del archivo de clave</translation>
        </message>
        <message>
            <source>Key &amp;file:</source>
            <translation>&amp;Archivo de clave:</translation>
        </message>
        <message>
            <source>&amp;Officer's name:</source>
            <translation>Nombre del &amp;oficial:</translation>
        </message>
        <message>
            <source>File's &amp;passphrase:</source>
            <translation>&amp;Frase del archivo:</translation>
        </message>
        <message>
            <source>Replace {officer}'s existing signing key (memos already signed with it stay valid)</source>
            <translation>Reemplazar la clave de firma actual de {officer} (los memorandos ya firmados con ella siguen siendo válidos)</translation>
        </message>
        <message>
            <source>Choose the PKCS#12 key file</source>
            <translation>Elegir el archivo de clave PKCS#12</translation>
        </message>
        <message>
            <source>Checking the key file…</source>
            <translation>Comprobando el archivo de clave…</translation>
        </message>
        <message>
            <source>Imported {officer}'s signing key. Certificate fingerprint (SHA-256): {grouped}</source>
            <translation>Se importó la clave de firma de {officer}. Huella digital del certificado (SHA-256): {grouped}</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>The key could not be kept: {value}. Nothing was written.</source>
            <translation>No se pudo guardar la clave: {value}. No se escribió nada.</translation>
        </message>
        <message>
            <source>The key could not be imported: {error}</source>
            <translation>No se pudo importar la clave: {error}</translation>
        </message>
    </context>
    <context>
        <name>StartError</name>
        <message>
            <source>Restore latest backup</source>
            <translation>Restaurar la última copia de seguridad</translation>
        </message>
        <message>
            <source>Enter the passphrase (or the recovery key) to open the cases.</source>
            <translation>Introduzca la frase de contraseña (o la clave de recuperación) para abrir los casos.</translation>
        </message>
        <message>
            <source>The server did not accept this login and password.</source>
            <translation>El servidor no aceptó este usuario y contraseña.</translation>
        </message>
        <message>
            <source>Waypoint could not open its database: {error}</source>
            <translation>Waypoint no pudo abrir su base de datos: {error}</translation>
        </message>
        <message>
            <source>Waypoint cannot open its database</source>
            <translation>Waypoint no puede abrir su base de datos</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Salir</translation>
        </message>
        <message>
            <source>Restoring {name}…</source>
            <translation>Restaurando {name}…</translation>
        </message>
    </context>
    <context>
        <name>StepListModel</name>
        <message>
            <source>not started</source>
            <translation>sin empezar</translation>
        </message>
        <message>
            <source>incomplete</source>
            <translation>incompleto</translation>
        </message>
        <message>
            <source>complete</source>
            <translation>completo</translation>
        </message>
        <message>
            <source>has problems</source>
            <translation>tiene problemas</translation>
        </message>
        <message numerus="yes">
            <source> · %n unknown</source>
            <translation>
                <numerusform> · %n desconocida</numerusform>
                <numerusform> · %n desconocidas</numerusform>
            </translation>
        </message>
        <message>
            <source>Step {value}, {title}: {words}</source>
            <translation>Paso {value}, {title}: {words}</translation>
        </message>
        <message numerus="yes">
            <source>; %n answer(s) Unknown</source>
            <translation>
                <numerusform>; %n respuesta Desconocida</numerusform>
                <numerusform>; %n respuestas Desconocidas</numerusform>
            </translation>
        </message>
        <message>
            <source>, current step</source>
            <translation>, paso actual</translation>
        </message>
    </context>
    <context>
        <name>StepNavigation</name>
        <message>
            <source>&amp;Next step</source>
            <translation>Paso &amp;siguiente</translation>
        </message>
        <message>
            <source>&amp;Previous step</source>
            <translation>Paso &amp;anterior</translation>
        </message>
        <message>
            <source>Step &amp;list</source>
            <translation>&amp;Lista de pasos</translation>
        </message>
        <message>
            <source>Go to step &amp;{value}: {title}</source>
            <translation>Ir al paso &amp;{value}: {title}</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;Guardar</translation>
        </message>
        <message>
            <source>&amp;Print memo…</source>
            <translation>&amp;Imprimir el memorando…</translation>
        </message>
        <message>
            <source>&amp;Finalize memo…</source>
            <translation>&amp;Finalizar el memorando…</translation>
        </message>
    </context>
    <context>
        <name>StepPage</name>
        <message>
            <source>{title} step</source>
            <translation>Paso {title}</translation>
        </message>
        <message numerus="yes">
            <source>⚠ %n problem(s) on this step</source>
            <translation>
                <numerusform>⚠ %n problema en este paso</numerusform>
                <numerusform>⚠ %n problemas en este paso</numerusform>
            </translation>
        </message>
        <message>
            <source>Still needed on this step</source>
            <translation>Aún falta en este paso</translation>
        </message>
    </context>
    <context>
        <name>StorageOpener</name>
        <message>
            <source>The database file is missing, but its key file or backups are here. Enter the passphrase to see what is left and restore the newest backup.</source>
            <translation>Falta el archivo de la base de datos, pero su archivo de claves o sus copias de seguridad están aquí. Introduzca la frase de contraseña para ver lo que queda y restaurar la copia más reciente.</translation>
        </message>
        <message>
            <source>Waypoint — signed in as {login}</source>
            <translation>Waypoint — sesión iniciada como {login}</translation>
        </message>
        <message>
            <source>Saved changes are missing</source>
            <translation>Faltan cambios guardados</translation>
        </message>
        <message>
            <source>The case file could not be opened</source>
            <translation>No se pudo abrir el archivo de caso</translation>
        </message>
    </context>
    <context>
        <name>StoragePassphrase</name>
        <message>
            <source>Your database is not encrypted yet. Choose a passphrase to encrypt it and its backups.</source>
            <translation>Su base de datos aún no está cifrada. Elija una frase de contraseña para cifrarla junto con sus copias de seguridad.</translation>
        </message>
        <message>
            <source>Welcome to Waypoint. Choose a passphrase: it encrypts the cases on this laptop.</source>
            <translation>Bienvenido a Waypoint. Elija una frase de contraseña: cifra los casos de este portátil.</translation>
        </message>
        <message>
            <source>Protect your cases</source>
            <translation>Proteja sus casos</translation>
        </message>
        <message>
            <source>no database file</source>
            <translation>sin archivo de base de datos</translation>
        </message>
        <message>
            <source>The passphrase was not remembered</source>
            <translation>No se recordó la frase de contraseña</translation>
        </message>
        <message>
            <source>{problem} Waypoint will ask for it at each start.</source>
            <translation>{problem} Waypoint la pedirá en cada inicio.</translation>
        </message>
        <message>
            <source>Encrypt the database?</source>
            <translation>¿Cifrar la base de datos?</translation>
        </message>
        <message>
            <source>This Waypoint database is not encrypted: anyone who copies the data folder can read every case. Encrypt it (and its backups) now?</source>
            <translation>Esta base de datos de Waypoint no está cifrada: cualquiera que copie la carpeta de datos puede leer todos los casos. ¿Cifrarla ahora (junto con sus copias de seguridad)?</translation>
        </message>
        <message>
            <source>Change &amp;passphrase…</source>
            <translation>Cambiar la frase de &amp;contraseña…</translation>
        </message>
        <message>
            <source>Change the passphrase</source>
            <translation>Cambiar la frase de contraseña</translation>
        </message>
        <message>
            <source>The database is re-encrypted with a new key. Backups made before keep their old passphrase.</source>
            <translation>La base de datos se vuelve a cifrar con una clave nueva. Las copias de seguridad anteriores conservan su frase de contraseña antigua.</translation>
        </message>
        <message>
            <source>Passphrase changed</source>
            <translation>Frase de contraseña cambiada</translation>
        </message>
        <message>
            <source>The passphrase was changed.</source>
            <translation>Se cambió la frase de contraseña.</translation>
        </message>
        <message>
            <source>The passphrase was not changed</source>
            <translation>No se cambió la frase de contraseña</translation>
        </message>
    </context>
    <context>
        <name>TextEdits</name>
        <message>
            <source>Unknown</source>
            <translation>Desconocido</translation>
        </message>
        <message>
            <source>Unknown — e.g. 23:40</source>
            <translation>Desconocida — p. ej. 23:40</translation>
        </message>
        <message>
            <source>Unknown — e.g. A-123-456-789 or 123456789</source>
            <translation>Desconocido — p. ej. A-123-456-789 o 123456789</translation>
        </message>
    </context>
    <context>
        <name>TimelineWidget</name>
        <message>
            <source>Journey timeline</source>
            <translation>Cronología del trayecto</translation>
        </message>
        <message>
            <source>No journey yet</source>
            <translation>Aún no hay trayecto</translation>
        </message>
        <message>
            <source>stop {value}'s dates contradict the journey's order</source>
            <translation>las fechas de la parada {value} contradicen el orden del trayecto</translation>
        </message>
        <message>
            <source>{kind} after stop {value}: {start} to {end}</source>
            <translation>{kind} después de la parada {value}: del {start} al {end}</translation>
        </message>
        <message numerus="yes">
            <source>%n stop(s)</source>
            <translation>
                <numerusform>%n parada</numerusform>
                <numerusform>%n paradas</numerusform>
            </translation>
        </message>
        <message>
            <source>; no gaps or overlaps</source>
            <translation>; sin huecos ni solapamientos</translation>
        </message>
        <message>
            <source>Add stops to see the journey</source>
            <translation>Añada paradas para ver el trayecto</translation>
        </message>
        <message>
            <source>→ US </source>
            <translation>→ EE. UU. </translation>
        </message>
        <message>
            <source>%d %b</source>
            <translation>%d/%m</translation>
        </message>
        <message>
            <source>%b %Y</source>
            <translation>%m/%Y</translation>
        </message>
        <message>
            <source>%Y</source>
            <translation>%Y</translation>
        </message>
    </context>
    <context>
        <name>Transfer</name>
        <message>
            <source>Waypoint case files (*.case.json *.json);;All files (*)</source>
            <translation>Archivos de caso de Waypoint (*.case.json *.json);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Import case files</source>
            <translation>Importar archivos de caso</translation>
        </message>
        <message numerus="yes">
            <source>Importing %n case file(s)…</source>
            <translation>
                <numerusform>Importando %n archivo de caso…</numerusform>
                <numerusform>Importando %n archivos de caso…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Importing %n file(s): all or nothing, can no longer be cancelled…</source>
            <translation>
                <numerusform>Importando %n archivo: todo o nada, ya no se puede cancelar…</numerusform>
                <numerusform>Importando %n archivos: todo o nada, ya no se puede cancelar…</numerusform>
            </translation>
        </message>
        <message>
            <source>Import finished</source>
            <translation>Importación terminada</translation>
        </message>
        <message numerus="yes">
            <source>Imported %n case(s).</source>
            <translation>
                <numerusform>Se importó %n caso.</numerusform>
                <numerusform>Se importaron %n casos.</numerusform>
            </translation>
        </message>
        <message>
            <source>Import failed</source>
            <translation>La importación falló</translation>
        </message>
        <message>
            <source>Nothing was imported.

{error}</source>
            <translation>No se importó nada.

{error}</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportar</translation>
        </message>
        <message>
            <source>Select the cases to export in the list first.</source>
            <translation>Seleccione primero en la lista los casos que desea exportar.</translation>
        </message>
        <message>
            <source>Export case file</source>
            <translation>Exportar archivo de caso</translation>
        </message>
        <message>
            <source> (encrypted)</source>
            <translation> (cifrado)</translation>
        </message>
        <message numerus="yes">
            <source>Export %n case(s) to folder</source>
            <translation>
                <numerusform>Exportar %n caso a una carpeta</numerusform>
                <numerusform>Exportar %n casos a una carpeta</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Exporting %n case(s)…</source>
            <translation>
                <numerusform>Exportando %n caso…</numerusform>
                <numerusform>Exportando %n casos…</numerusform>
            </translation>
        </message>
        <message>
            <source>Export finished</source>
            <translation>Exportación terminada</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n case file(s) to {where}.</source>
            <translation>
                <numerusform>Se exportó %n archivo de caso a {where}.</numerusform>
                <numerusform>Se exportaron %n archivos de caso a {where}.</numerusform>
            </translation>
        </message>
        <message>
            <source>Export cancelled. Files already written were kept.</source>
            <translation>Exportación cancelada. Se conservaron los archivos ya escritos.</translation>
        </message>
        <message>
            <source>The export stopped: {error}
Files already written were kept.</source>
            <translation>La exportación se detuvo: {error}
Se conservaron los archivos ya escritos.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Waypoint</source>
            <translation>Waypoint</translation>
        </message>
    </context>
    <context>
        <name>WhyTreeModel</name>
        <message>
            <source>Not applicable</source>
            <translation>No aplicable</translation>
        </message>
        <message>
            <source>Not in force</source>
            <translation>No vigente</translation>
        </message>
        <message>
            <source>Exception established</source>
            <translation>Excepción acreditada</translation>
        </message>
        <message>
            <source>Applies</source>
            <translation>Se aplica</translation>
        </message>
        <message>
            <source>Needs information</source>
            <translation>Falta información</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sí</translation>
        </message>
        <message>
            <source>no</source>
            <translation>no</translation>
        </message>
        <message>
            <source>still depends on the other open questions</source>
            <translation>aún depende de las demás preguntas abiertas</translation>
        </message>
        <message>
            <source>⚠ unverified</source>
            <translation>⚠ sin verificar</translation>
        </message>
        <message>
            <source>Open the field: {text}</source>
            <translation>Abrir el campo: {text}</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Porqué</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>Detalle</translation>
        </message>
        <message>
            <source>Citation</source>
            <translation>Cita</translation>
        </message>
        <message>
            <source>Consequence</source>
            <translation>Consecuencia</translation>
        </message>
        <message>
            <source>Receiving countries</source>
            <translation>Países receptores</translation>
        </message>
        <message>
            <source>Citations</source>
            <translation>Citas</translation>
        </message>
        <message>
            <source>Questions to settle it</source>
            <translation>Preguntas para resolverlo</translation>
        </message>
        <message numerus="yes">
            <source>%n open</source>
            <translation>
                <numerusform>%n abierta</numerusform>
                <numerusform>%n abiertas</numerusform>
            </translation>
        </message>
        <message>
            <source>Trace</source>
            <translation>Razonamiento</translation>
        </message>
        <message>
            <source>fact used</source>
            <translation>hecho usado</translation>
        </message>
        <message numerus="yes">
            <source>%n step(s)</source>
            <translation>
                <numerusform>%n paso</numerusform>
                <numerusform>%n pasos</numerusform>
            </translation>
        </message>
        <message>
            <source>Exceptions considered</source>
            <translation>Excepciones consideradas</translation>
        </message>
        <message>
            <source>not met</source>
            <translation>no se cumple</translation>
        </message>
        <message>
            <source>Rule id: {identifier}</source>
            <translation>Id. de la norma: {identifier}</translation>
        </message>
    </context>
    <context>
        <name>WindowDialogs</name>
        <message>
            <source>Signing key imported for {officer}</source>
            <translation>Clave de firma importada para {officer}</translation>
        </message>
    </context>
    <context>
        <name>WindowMenus</name>
        <message>
            <source>&amp;New case</source>
            <translation>&amp;Nuevo caso</translation>
        </message>
        <message>
            <source>&amp;Open case…</source>
            <translation>&amp;Abrir caso…</translation>
        </message>
        <message>
            <source>&amp;Back to the case list</source>
            <translation>&amp;Volver a la lista de casos</translation>
        </message>
        <message>
            <source>Back to the case list (Alt+Home)</source>
            <translation>Volver a la lista de casos (Alt+Inicio)</translation>
        </message>
        <message>
            <source>&amp;Import case files…</source>
            <translation>&amp;Importar archivos de caso…</translation>
        </message>
        <message>
            <source>&amp;Export selected cases…</source>
            <translation>&amp;Exportar los casos seleccionados…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>&amp;Rule packs…</source>
            <translation>&amp;Paquetes de normas…</translation>
        </message>
        <message>
            <source>Import &amp;signing key (PKCS#12)…</source>
            <translation>Importar clave de &amp;firma (PKCS#12)…</translation>
        </message>
        <message>
            <source>Iss&amp;ue a signing key (office authority)…</source>
            <translation>Emi&amp;tir una clave de firma (autoridad de la oficina)…</translation>
        </message>
        <message>
            <source>&amp;Take cases to the field…</source>
            <translation>Llevar casos al &amp;trabajo de campo…</translation>
        </message>
        <message>
            <source>Brin&amp;g cases back…</source>
            <translation>Trae&amp;r casos de vuelta…</translation>
        </message>
        <message>
            <source>Field &amp;conflicts…</source>
            <translation>&amp;Conflictos de campo…</translation>
        </message>
        <message>
            <source>&amp;About Waypoint</source>
            <translation>&amp;Acerca de Waypoint</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>Navegación</translation>
        </message>
        <message>
            <source>← &amp;Back to the case list</source>
            <translation>← &amp;Volver a la lista de casos</translation>
        </message>
        <message>
            <source>No recent cases</source>
            <translation>No hay casos recientes</translation>
        </message>
        <message>
            <source>Case {case_id}</source>
            <translation>Caso {case_id}</translation>
        </message>
        <message>
            <source>Open a case to work on it</source>
            <translation>Abra un caso para trabajar en él</translation>
        </message>
    </context>
</TS>
