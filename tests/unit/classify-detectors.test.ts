/**
 * Detector-level tests. URL detectors: each accepts its own list in utils/classify/url-examples.ts and rejects every
 * other list (github-url-detection style). Text detectors: instruction phrasing and topic words, one or more sentence
 * per language, written for this test and not taken from the fixtures.
 */
import * as D from '@/utils/classify/detectors';
import { URL_EXAMPLES, NEUTRAL_URLS } from '@/utils/classify/url-examples';
import { normalize } from '@/utils/classify/words';

const names = Object.keys(URL_EXAMPLES) as Array<keyof typeof URL_EXAMPLES>;

describe.each(names)('%s', (name) => {
  const detect = D[name];
  test.each(URL_EXAMPLES[name].map((u) => [u]))('accepts %s', (u) => {
    expect(detect(new URL(u))).toBe(true);
  });
  const others = [...names.filter((n) => n !== name).flatMap((n) => URL_EXAMPLES[n]), ...NEUTRAL_URLS];
  test.each(others.map((u) => [u]))('rejects %s', (u) => {
    expect(detect(new URL(u))).toBe(false);
  });
});

test('urlWords decodes, transliterates and splits a URL into words', () => {
  expect(D.urlWords(new URL('https://www.x.de/R%C3%BCcken_Schmerzen/%C3%9Cbungen.html'))).toBe(
    'www x de rucken schmerzen ubungen html',
  );
});

/** Instruction kinds as the classifier counts them (positions include movement verbs aimed at a body part). */
const count = (kind: 'hold' | 'reps' | 'position', s: string) => D.textSignals(normalize(s))[kind];

describe('instruction phrasing across languages', () => {
  test.each([
    ['hold', 'Hold the stretch for 30 seconds.'],
    ['hold', 'Hold for about 20-30 seconds on each side.'],
    ['hold', 'Mantén la posición durante 15 segundos.'],
    ['hold', 'Maintenez la position pendant 20 secondes.'],
    ['hold', 'Halten Sie die Dehnung etwa 30 Sekunden.'],
    ['hold', 'Mantieni la posizione per 20 secondi.'],
    ['hold', 'Mantenha por 30 segundos.'],
    ['hold', 'Houd dit 20 seconden vast.'],
    ['reps', 'Do 3 sets of 12 reps.'],
    ['reps', 'Realiza 10 repeticiones.'],
    ['reps', 'Faites 2 séries de 15 répétitions.'],
    ['reps', '3 Sätze mit 10 Wiederholungen.'],
    ['reps', '10 ripetizioni per lato.'],
    ['reps', '12 herhalingen.'],
    ['position', 'Lie on your back with your knees bent.'],
    ['position', 'Get on all fours.'],
    ['position', 'Túmbate boca arriba.'],
    ['position', 'Allongez-vous sur le dos, à quatre pattes ensuite.'],
    ['position', 'Legen Sie sich in Rückenlage.'],
    ['position', 'Sdraiati in posizione supina.'],
    ['position', 'Ga op je rug liggen.'],
    ['position', 'Slowly bend your right knee and lift your hips.'],
    ['position', 'Levanta la pierna derecha sin doblar la rodilla.'],
    ['position', 'Pliez le genou gauche et ramenez-le vers la poitrine.'],
    ['position', 'Heben Sie das Becken, bis der Oberkörper eine Linie bildet.'],
    ['position', 'Dann das rechte Bein langsam anheben.'],
    ['position', 'Solleva la gamba destra.'],
    ['position', 'Levante a perna esquerda.'],
    ['position', 'Buig je knieën en til je bekken op.'],
  ] as const)('%s: %s', (kind, sentence) => {
    expect(count(kind, sentence)).toBeGreaterThan(0);
  });

  test.each([
    'Hold the door for the next person.',
    'The meeting lasted 30 minutes.',
    'Repeat customers get a discount.',
    'Preheat the oven to 200 degrees.',
    'Lift the lid and turn the page.',
    'Raise your hand if you have a question.',
  ])('no hold or reps in everyday text: %s', (sentence) => {
    expect(count('hold', sentence) + count('position', sentence)).toBe(0);
  });
});

describe('topic words', () => {
  test.each([
    ['condition', 'Lower back pain'],
    ['condition', 'Dolor lumbar'],
    ['condition', 'Douleur au genou'],
    ['condition', 'Rückenschmerzen'],
    ['condition', 'Mal di schiena'],
    ['condition', 'Dor no joelho'],
    ['condition', 'Nekpijn'],
    ['condition', 'Recovery after knee surgery'],
    ['exercise', 'Stretches'],
    ['exercise', 'Estiramientos'],
    ['exercise', 'Exercices'],
    ['exercise', 'Dehnübungen'],
    ['exercise', 'Esercizi'],
    ['exercise', 'Alongamentos'],
    ['exercise', 'Oefeningen'],
  ] as const)('%s: %s', (kind, text) => {
    expect(D.topicOf(normalize(text))[kind]).toBe(true);
  });

  test.each(['Lemon chicken traybake', 'Election results', 'Weather forecast for the weekend'])(
    'neither: %s',
    (text) => {
      const t = D.topicOf(normalize(text));
      expect(t.condition || t.exercise).toBe(false);
    },
  );

  test('yoga poses named after animals are not animals', () => {
    for (const s of [
      'Downward dog',
      'Cat-cow stretch',
      'Bird dog',
      'Herabschauender Hund',
      'Perro boca abajo',
    ])
      expect(D.topicOf(normalize(s)).animal).toBe(false);
    for (const s of ['Exercises for your dog', 'Mon chien boite', 'Unser Hund'])
      expect(D.topicOf(normalize(s)).animal).toBe(true);
  });
});

test('count stops at its cap on long text', () => {
  expect(D.count('condition', 'pain '.repeat(10_000), 25)).toBe(25);
});

test('structured kinds: a clinic blog post is an article, not a clinic advert', () => {
  expect(D.structuredKinds(['BlogPosting', 'MedicalClinic'], '').clinic).toBe(false);
  expect(D.structuredKinds(['MedicalClinic'], '').clinic).toBe(true);
  expect(D.structuredKinds([], 'video.other').video).toBe(true);
  expect(D.structuredKinds(['Product'], '').product).toBe(true);
});
