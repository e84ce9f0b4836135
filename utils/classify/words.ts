/**
 * Multilingual vocabularies for the page classifier, as regular-expression sources over NORMALISED text (lower case,
 * accents stripped, ß → ss: see `normalize()`), so "Übungen", "ubungen" and "UBUNGEN" all match `ubung`.
 *
 * Languages: English, Spanish, French, German, Italian, Portuguese, Dutch. Terms are word STEMS, so a list covers
 * plurals and inflections without listing them; most start at a word boundary (`\b`), but German and Dutch glue
 * words together ("Rückenschmerzen", "rugpijn", "Dehnübungen"), so their key stems also match inside a word.
 *
 * Each list answers one question about a page, never "is this page about X" on its own:
 *   CONDITION    pain, injury, a musculoskeletal problem, rehab after surgery
 *   EXERCISE     exercises, stretches, yoga, pilates, mobility work
 *   INSTRUCTION  how-to phrasing: hold for N seconds, N repetitions, N sets, body positions, starting position
 *   negatives    shop, booking, research, job post, animals, medical-information section headings
 */

/** One alternation from several sources (one per language); the minifier keeps raw strings as they are. */
const w = (...parts: string[]): string => `(?:${parts.join('|')})`;

/** Pain, injury and musculoskeletal conditions (stems). */
export const CONDITION = w(
  // en
  String.raw`\b(?:pain|painful|ach(?:e|es|ing|y)\b|backache|sore(?:ness)?\b|injur|sciatic|herniat|slipped dis[ck]|bulging dis[ck]|dis[ck] (?:bulge|herniation|problem)|tendin(?:itis|osis|opathy)|tendonitis|bursitis|sprain|strain(?:ed)?\b|stiff(?:ness)?\b|rehab|physio|physical therap|plantar fasci|fasci(?:i)?tis|fasciopath|epicondyl|tendinopath|trochanteric|piriformis syndrome|frozen shoulder|tennis elbow|golfer.?s elbow|carpal tunnel|tmj\b|tmd\b|whiplash|posture|postural|impingement|spondyl|stenosis|arthritis|osteoarthritis|shin splints|after (?:knee |hip |shoulder |back )?surgery|(?:micro)?discectomy|laminectomy|spinal fusion|post-?op(?:erative)?\b|after (?:your |an? |the )?(?:[a-z]+ ){0,2}(?:surgery|operation)|(?:tras|despues de) (?:la |una )?(?:cirugia|operacion)|postoperatori|apres (?:une |l.|votre )?(?:operation|chirurgie)|ligamentoplastie|nach (?:der |einer |ihrer )?(?:operation|op)\b|dopo (?:l.|un )?(?:intervento|operazione)|pos-?operatorio|apos (?:a )?cirurgia|na (?:de |een )?operatie|(?:knee|hip|shoulder) replacement|acl\b|meniscus|rotator cuff|piriformis|si joint|sacroiliac|lumbago|lumbar\b)`,
  // es
  String.raw`\b(?:dolor|dolencia|lesion|ciatic|hernia|tendinitis|esguince|contractura|lumbalgia|cervicalgia|rehabilitacion|fisioterap|kinesiolog|postura|molestia|fascitis|epicondilitis|artrosis|gonalgia|ciatalgia|torticolis|espolon)`,
  // fr
  String.raw`\b(?:douleur|mal (?:de|au|aux) (?:dos|cou|genou|epaule|hanche|nuque|pied|dents)|blessure|sciatique|hernie|tendinite|entorse|reeducation|kine\b|kinesitherap|lombalgie|torticolis|cervicalgie|capsulite|fasciite|aponevrosite|epicondylite|arthrose|sciatalgie|lumbago|dorsalgie|gonarthrose|cruralgie|lombaires?\b)`,
  // de
  String.raw`\b(?:weh\b|beschwerden|ischias|reha\b|rehabilitation|nackensteif|haltungs)|schmerz|verletzung|bandscheibe|sehnenentz(?:u|ue)ndung|verstauchung|physiotherap|krankengymnastik|hexenschuss|verspannung|tennisarm|fersensporn|arthrose|fasziitis|epikondyl|ischialgie|lumbalgie|tendinopathie`,
  // it
  String.raw`\b(?:dolor[ei]|mal di (?:schiena|testa|collo)|lesion[ei]|sciatica|ernia|tendinite|distorsione|riabilitazion|fisioterapi|lombalgia|cervicale\b|postura|contrattura|fascite|epicondilite|artrosi|sciatalgia|cervicalgia|torcicollo|lombosciatalgia)`,
  // pt
  String.raw`\b(?:dor(?:es)?\b|lesao|ciatico|hernia de disco|tendinite|entorse|reabilitacao|fisioterapia|lombalgia|fascite|epicondilite|artrose|ciatalgia|ciatica|tendinite|torcicolo|cervicalgia|coluna)`,
  // nl
  String.raw`\b(?:blessure|ischias|revalidatie|houding|klachten)|pijn|hernia|peesontsteking|verstuiking|fysiotherap|hielspoor|tenniselleboog|fasciitis|artrose|ischias|lage rug|nekklacht`,
);

/** Exercises, stretches, yoga, pilates, mobility (stems). */
export const EXERCISE = w(
  // en
  String.raw`\b(?:exercis|stretch|yoga\b|pilates|mobility|mobili[sz]ation|strengthen|workout|work-out|routine|moves?\b|poses?\b|drills?\b|plank|bridge|squat|lunge|cat-?cow|child.?s pose|bird-?dog|clamshell|mckenzie|home (?:[a-z]+ )?program|exercise program|isometric|eccentric|(?:heel|calf|leg) raises?|loading program)`,
  // es / pt
  String.raw`\b(?:ejercicio|estiramiento|estirar|movilidad|fortalec|rutina|posturas? de yoga|exercicio|alongamento|mobilidade|fortalecimento|puente\b|ponte\b|movimientos\b|movimentos\b)`,
  // fr
  String.raw`\b(?:exercice|etirement|etirer|mobilite|renforcement|gainage|assouplissement|postures? de yoga|mouvements\b)`,
  // de
  String.raw`\b(?:dehn|training|gymnastik|mobilisation|kr(?:a|ae)ftig)|(?:u|ue)bung|bewegungstherapie`,
  // it
  String.raw`\b(?:esercizi|allungament|stretching|mobilita|rinforz|movimenti\b)`,
  // nl
  String.raw`\b(?:rekoefening|rekken|strekken|mobiliteit)|oefening`,
);

/**
 * Relief and treatment wording ("how to relieve", "aliviar", "soulager", "lindern", "alleviare", "verlichten"): many
 * real pages that teach exercises for pain open with it instead of the word "exercises" (issue #8 recall follow-up).
 */
export const RELIEF = w(
  String.raw`\b(?:reliev|relief|ease (?:the |your )?(?:pain|ache)|get rid of|soothe|alivi|calmar el dolor|quitar el dolor|tratamiento en casa|soulag|apaiser|allevi|sollievo|ridurre il dolore|amenizar|diminuir a dor|verlicht|verzacht|verminder)`,
  String.raw`linder|hilft gegen|was hilft|was tun gegen|selbst behandeln`,
);

/**
 * Instruction phrasing (HOLD, REPS, POSITION and the movement words below): each match is one instruction; kept as
 * separate vocabularies so the reasons can say which kind fired. Numbers are digits and ranges ("30", "20-30",
 * "20 to 30"): number words multiplied the patterns' compile cost for few hits.
 */
const N = '(?:\\d{1,3}(?:(?: ?- ?| to | a | bis | tot )\\d{1,3})?)';

/**
 * A duration in seconds or breaths is how exercise instructions say "hold": "hold for 30 seconds", "mantén 20
 * segundos", "30 Sekunden halten", "stay for five breaths". Deliberately plain: verb-led patterns ("hold … for …")
 * found no more and cost far more to compile on every page load.
 */
export const HOLD = w(
  `\\b${N} ?(?:seconds?|secs?|segundos?|secondes?|sekunden|secondi|seconden|breaths?|respiraciones|respiracoes|respirations|atemzuge|respiri|ademhalingen)\\b`,
  `\\b(?:five|ten|cinco|diez|cinq|dix|funf|zehn|cinque|dieci|vijf|tien) (?:seconds|breaths|segundos|respiraciones|secondes|respirations|sekunden|atemzuge|secondi|respiri|seconden|ademhalingen)\\b`,
);
/** Repetitions, sets and sides: "3 sets of 12 reps", "10 repeticiones", "10-mal", "repeat", "on each side". */
export const REPS = w(
  `\\b${N}[ -]?x? ?(?:reps?|repetitions?|repeticiones|repeticoes|wiederholungen|ripetizioni|herhalingen|sets|series|serie|satze|durchgange|times|veces|vezes|fois|mal|volte|keer)\\b`,
  `\\b(?:repeat|repite|repita|repetez|repetir|wiederholen|ripeti|herhaal)`,
  `\\b(?:each|per|on both|on each|cada|por|de chaque|pro|jede|aan elke) (?:side|leg|arm|lado|pierna|perna|cote|seite|lato|kant)\\b`,
);

export const POSITION = w(
  // en
  String.raw`\b(?:lie (?:down )?on your (?:back|side|stomach|front)|lying on your (?:back|side|stomach)|on (?:all fours|your hands and knees)|hands and knees|knees bent|bend your knees?|feet (?:flat|hip-width|shoulder-width)|shoulder-width apart|starting position|start(?:ing)? position|(?:stand|sit) (?:tall|up straight|with your)|slowly (?:lower|raise|lift|return|bring|roll|pull|bend|straighten)|keep your (?:back|spine|core|knees?|shoulders?) (?:straight|flat|neutral|relaxed|bent|engaged)|draw your (?:knees?|belly|navel)|pull your (?:knees?|toes|chin)|tighten your (?:core|stomach|abs|abdominal)|on the floor\b)`,
  // es / pt
  String.raw`\b(?:(?:tumbate|acuestate|tumbado|acostado|deitado|deite-se|deite se)(?: boca arriba| de espaldas| de costas| de lado| sobre la espalda)?|boca (?:arriba|abajo|para cima)|a cuatro patas|de quatro\b|quatro apoios|rodillas (?:flexionadas|dobladas)|joelhos (?:dobrados|flexionados)|posicion (?:inicial|de partida)|posicao inicial|lentamente)`,
  // fr
  String.raw`\b(?:allongez-vous|allonge sur le (?:dos|cote|ventre)|sur le dos\b|a quatre pattes|genoux (?:plies|flechis)|position de depart|ramenez|lentement)`,
  // de
  String.raw`\b(?:legen sie sich|r(?:u|ue)ckenlage|bauchlage|seitenlage|vierf(?:u|ue)sslerstand|knie (?:gebeugt|angewinkelt|anwinkeln|beugen)|ausgangs(?:position|stellung|lage)|langsam|ziehen sie)`,
  // it
  String.raw`\b(?:sdraiat[oi]|supino|a quattro zampe|quadrupedia|ginocchia piegate|posizione di partenza|lentamente)`,
  // nl
  String.raw`\b(?:ga op je rug liggen|op je rug\b|op handen en knieen|knieen gebogen|(?:begin|uitgangs)houding|langzaam)`,
);

// ---- negatives -------------------------------------------------------------------------------------------------

export const SHOP = w(
  String.raw`\b(?:add to (?:cart|basket|bag)|buy now|in stock|out of stock|free (?:shipping|delivery|returns)|checkout|customer reviews|money-back|warranty|sku\b|anadir al carrito|comprar ahora|envio gratis|ajouter au panier|livraison (?:gratuite|offerte)|en stock|in den warenkorb|jetzt kaufen|versandkostenfrei|auf lager|aggiungi al carrello|spedizione gratuita|adicionar ao carrinho|frete gratis|in winkelwagen|gratis verzending)|(?:[$€£]\s?\d{1,5}(?:[.,]\d{2})?|\d{1,5}[.,]\d{2}\s?(?:€|eur|usd|chf))`,
);

export const BOOKING = w(
  String.raw`\b(?:book (?:an |your |a )?(?:appointment|session|consultation|visit|now|online)|schedule (?:an |your |a )?(?:appointment|visit|consultation)|request an appointment|opening hours|call us|our (?:clinic|team|therapists|locations)|insurance|new patients|pide (?:tu )?cita|reserva (?:tu |una )?cita|nuestr[ao]s? (?:clinica|centro|equipo)|prendre rendez-vous|prenez rendez-vous|notre (?:cabinet|centre|equipe)|termin (?:vereinbaren|buchen)|unsere (?:praxis|therapeuten)|(?:o|oe)ffnungszeiten|prenota|marcar consulta|agende|afspraak maken)`,
);

export const RESEARCH = w(
  String.raw`\b(?:abstract\b|doi\b|pmid|pubmed|randomi[sz]ed|controlled trial|systematic review|meta-analysis|participants\b|confidence interval|95 ?% ?ci\b|p ?[<=] ?0?\.\d|cohort\b|methods?:|results?:|conclusions?:|background:|resumen\b|ensayo|resume\b|essai|studie\b|zusammenfassung)`,
);

export const JOB = w(
  String.raw`\b(?:apply now|job description|salary|full-time|part-time|we are hiring|we're hiring|vacanc|careers?\b|requirements\b|qualifications\b|oferta de empleo|salario|jornada completa|offre d.emploi|cdi\b|postuler|stellenangebot|jetzt bewerben|vollzeit|m/w/d\b|offerta di lavoro|vaga\b|vacature|sollicit)`,
);

export const ANIMAL = w(
  // yoga poses named after animals (downward dog, cat-cow, bird dog, in every language) are not animals
  String.raw`\b(?:cats?\b(?![- /]*(?:cow|camel|stretch|pose))|pupp(?:y|ies)|canine|feline|horses?\b|equine|veterinar|vets?\b|pets?\b|perros?\b(?! boca)|mascota|chiens?\b(?! tete)|katzen?\b(?![- ]?kuh)|tierarzt|cachorro|hond(?:en)?\b|dierenarts)|(?<!(?:downward|upward|bird|facing)[- ]?)\bdogs?\b(?![- ]?pose)|(?<!schauender )\bhunde?\b`,
);

/** Section headings of medical-information pages (a page made only of these teaches no exercise). */
export const MEDINFO = w(
  String.raw`\b(?:symptoms?\b|causes?\b|diagnos|risk factors|complications|medications?\b|surgery\b|sintomas|causas|symptomes|symptome\b|ursachen|sintomi|cause\b|symptomen|oorzaken)`,
);

export { normalize } from './normalize';

/**
 * A movement verb aimed at a body part ("bend your knee", "levanta la pierna", "pliez le genou", "das Becken
 * anheben"), found by walking the words with set lookups (`countMoves` in detectors.ts): as regular expressions these
 * sequences cost tens of milliseconds to compile on every page load.
 */
const set = (words: string): ReadonlySet<string> => new Set(words.split(' '));
export const MOVE_VERBS = set(
  'bend straighten raise lift lower rotate tilt turn squeeze tighten press push pull slide roll cross bring drop tuck draw relax ' +
    'dobla flexiona estira levanta eleva baja gira inclina lleva apoya cruza dobre estique levante eleve abaixe gire incline leve apoie ' +
    'pliez tendez levez soulevez baissez tournez inclinez ramenez posez croisez poussez tirez serrez contractez decollez rentrez abaissez flechissez ' +
    'heben senken beugen strecken drehen neigen ziehen drucken kreisen anwinkeln anheben absenken ausstrecken aufstellen kippen ' +
    'piega solleva alza abbassa ruota inclina porta stendi distendi piegare sollevare alzare abbassare ruotare inclinare portare ' +
    'buig strek til hef draai kantel trek breng duw span',
);
export const MOVE_LINKS = set(
  'your the both one each la las los el tu tus a o as os sua seu suas seus le les votre vos l das die den ihr ihre ihren beide ein eine einen sie il i lo gli je de het een',
);
export const MOVE_BODY = set(
  'knee knees leg legs arm arms hip hips head chin shoulder shoulders back spine foot feet heel heels elbow elbows wrist wrists toes pelvis core stomach belly buttocks glutes neck ankle ankles ' +
    'rodilla rodillas pierna piernas brazo brazos cadera cabeza hombro hombros espalda pie pies talon talones codo codos joelho joelhos perna pernas braco bracos quadril ombro ombros costas calcanhar ' +
    'genou genoux jambe jambes bras bassin tete epaule epaules dos pied pieds talons coude coudes menton ventre fesses hanche hanches nuque cou ' +
    'knie bein beine arm arme becken kopf kinn schulter schultern rucken fuss fusse ferse fersen ellenbogen gesass hufte huften nacken oberkorper ' +
    'ginocchio ginocchia gamba gambe braccia braccio bacino testa spalla spalle schiena piedi piede tallone talloni gomito gomiti collo ' +
    'knieen benen been armen bekken hoofd schouder schouders rug voeten voet hielen hiel ellebogen billen heup nek',
);
