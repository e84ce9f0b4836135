/**
 * Real-looking URLs each URL detector must accept (github-url-detection style). The unit test checks every detector
 * accepts its own list and rejects every other list and the neutral one, so a widened pattern that starts matching
 * another kind of page fails loudly. Only tests import this file: it never reaches the content-script bundle.
 */
export const URL_EXAMPLES = {
  urlSaysCondition: [
    'https://www.example-health.com/conditions/sciatica',
    'https://www.clinica-ejemplo.es/dolor-de-espalda',
    'https://www.sante-exemple.fr/maladies/lombalgie',
    'https://www.gesund-beispiel.de/rueckenschmerzen',
    'https://www.salute-esempio.it/lombalgia-cronica',
    'https://www.gezond-voorbeeld.nl/rugpijn',
    'https://www.wellness-example.com/frozen-shoulder-guide',
  ],
  urlSaysExercise: [
    'https://www.fitmag-example.com/workouts/full-body-routine',
    'https://www.yogastudio-example.com/classes/pilates-for-beginners',
    'https://www.entrena-ejemplo.es/ejercicios-abdominales',
    'https://www.forme-exemple.fr/exercices-gainage',
    'https://www.fit-beispiel.de/uebungen-bauch',
    'https://www.sport-voorbeeld.nl/oefeningen-buik',
    'https://www.allenati-esempio.it/esercizi-glutei',
  ],
  urlSaysShop: [
    'https://shop.example.com/item/123',
    'https://www.ergostore-example.com/products/chair-123',
    'https://www.tienda-ejemplo.es/producto/silla',
    'https://www.boutique-exemple.fr/produit/coussin',
    'https://www.laden-beispiel.de/produkt/kissen-42',
    'https://www.bigmarket-example.com/dp/B01234',
  ],
  urlSaysBooking: [
    'https://www.riverside-example.com/book-appointment',
    'https://www.clinic-example.co.uk/contact-us',
    'https://www.centro-ejemplo.es/pide-cita',
    'https://www.cabinet-dupont.fr/rendez-vous',
    'https://www.praxis-muster.de/terminbuchung',
    'https://www.praktijk-voorbeeld.nl/afspraak-maken',
  ],
  urlSaysResearch: [
    'https://pubmed.ncbi.nlm.nih.gov/30412345/',
    'https://doi.org/10.1000/xyz123',
    'https://www.journalofmsk-example.org/article/10.1234/jmr.2021',
    'https://link.springer.com/article/10.1007/s00586',
    'https://www.mdpi.com/2077-0383/10/4/123',
  ],
  urlSaysJob: [
    'https://www.healthjobs-example.com/jobs/nurse-4821',
    'https://careers.example.org/openings/123',
    'https://www.empleo-ejemplo.es/empleo/oferta-123',
    'https://www.emploi-exemple.fr/offres/emploi-infirmier',
    'https://www.klinik-beispiel.de/karriere/stellenangebote',
    'https://www.zorg-voorbeeld.nl/vacatures/verpleegkundige',
  ],
  urlSaysAnimal: [
    'https://www.happypaws-example.com/blog/dog-care-tips',
    'https://www.vetclinic-example.com/cats/vaccinations',
    'https://www.mascotas-ejemplo.es/perros/alimentacion',
    'https://www.animaux-exemple.fr/chiens/education',
    'https://www.tierarzt-muster.de/hunde/impfung',
    'https://www.dieren-voorbeeld.nl/honden/voeding',
  ],
  urlSaysVideo: [
    'https://www.youtube.com/watch?v=abc123',
    'https://youtu.be/abc123',
    'https://vimeo.com/123456789',
    'https://www.vidstream-example.tv/watch?v=xyz',
    'https://www.dailymotion.com/video/x8abc',
    'https://www.news-example.com/video/2025/03/highlights',
  ],
} as const;

/** Pages no URL detector should claim. */
export const NEUTRAL_URLS = [
  'https://www.example.com/',
  'https://news.example.org/politics/2025/election-results',
  'https://www.recipes-example.com/lemon-chicken-traybake',
  'https://www.example.de/impressum',
  'https://blog.example.fr/2024/03/voyage-en-italie',
];
