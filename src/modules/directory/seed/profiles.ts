import type { TopicCode } from './catalogue.js';

/**
 * What each demo organisation is, and the topics such an organisation can credibly offer. The
 * seeds choose organisers by the services they offer; this table is the independent check
 * (demo.test.ts, and the events and holidays seed tests), so a paediatric practice never runs a
 * swimming afternoon and a women's shelter no football camp.
 */
export type OrganizationProfile =
  | 'youth-office'
  | 'family-office'
  | 'social-office'
  | 'school-office'
  | 'health-office'
  | 'registry-office'
  | 'pools'
  | 'parks'
  | 'library'
  | 'music-school'
  | 'career-agency'
  | 'inclusion-office'
  | 'family-centre'
  | 'family-education'
  | 'welfare-association'
  | 'childcare'
  | 'forest-kindergarten'
  | 'midwifery'
  | 'maternity-centre'
  | 'paediatric-practice'
  | 'emergency-practice'
  | 'early-intervention'
  | 'therapy-practice'
  | 'dental-practice'
  | 'counselling'
  | 'womens-shelter'
  | 'crisis-service'
  | 'debt-advice'
  | 'migrant-association'
  | 'inclusion-association'
  | 'transport-service'
  | 'food-bank'
  | 'self-help'
  | 'job-coaching'
  | 'tutoring'
  | 'sports-club'
  | 'swimming-club'
  | 'dance-school'
  | 'riding-club'
  | 'chess-club'
  | 'climbing-hall'
  | 'arts-school'
  | 'play-bus'
  | 'youth-work';

export const profileTopics: Record<OrganizationProfile, readonly TopicCode[]> = {
  'youth-office': ['kinderbetreuung', 'beratung', 'schwangerschaft-geburt', 'finanzielle-hilfen', 'notfall-krise', 'jugend', 'freizeit-sport'],
  'family-office': ['finanzielle-hilfen', 'freizeit-sport', 'schwangerschaft-geburt', 'familienbildung'],
  'social-office': ['finanzielle-hilfen', 'bildung-schule'],
  'school-office': ['bildung-schule', 'kinderbetreuung', 'beratung'],
  'health-office': ['gesundheit', 'bildung-schule', 'schwangerschaft-geburt'],
  'registry-office': ['schwangerschaft-geburt'],
  pools: ['freizeit-sport', 'familienbildung'],
  parks: ['freizeit-sport', 'barrierefrei-unterwegs'],
  library: ['bildung-schule', 'freizeit-sport', 'familienbildung', 'jugend'],
  'music-school': ['freizeit-sport', 'bildung-schule', 'familienbildung'],
  'career-agency': ['jugend', 'beruf-familie'],
  'inclusion-office': ['barrierefrei-unterwegs', 'beratung', 'finanzielle-hilfen', 'freizeit-sport'],
  'family-centre': ['kinderbetreuung', 'familienbildung', 'beratung', 'beruf-familie', 'gesundheit'],
  'family-education': ['familienbildung', 'schwangerschaft-geburt', 'jugend', 'gesundheit'],
  'welfare-association': ['kinderbetreuung', 'beratung', 'bildung-schule', 'finanzielle-hilfen', 'familienbildung'],
  childcare: ['kinderbetreuung', 'beruf-familie', 'freizeit-sport'],
  'forest-kindergarten': ['kinderbetreuung', 'freizeit-sport'],
  midwifery: ['schwangerschaft-geburt', 'gesundheit', 'familienbildung'],
  'maternity-centre': ['schwangerschaft-geburt', 'familienbildung', 'gesundheit'],
  'paediatric-practice': ['gesundheit', 'jugend'],
  'emergency-practice': ['gesundheit', 'notfall-krise'],
  'early-intervention': ['gesundheit', 'barrierefrei-unterwegs', 'familienbildung'],
  'therapy-practice': ['gesundheit', 'bildung-schule'],
  'dental-practice': ['gesundheit'],
  counselling: ['beratung', 'schwangerschaft-geburt', 'finanzielle-hilfen', 'notfall-krise', 'jugend'],
  'womens-shelter': ['notfall-krise', 'beratung'],
  'crisis-service': ['notfall-krise', 'beratung', 'jugend'],
  'debt-advice': ['beratung', 'finanzielle-hilfen', 'familienbildung'],
  'migrant-association': ['beratung', 'bildung-schule', 'familienbildung'],
  'inclusion-association': ['barrierefrei-unterwegs', 'beratung', 'freizeit-sport', 'kinderbetreuung', 'familienbildung'],
  'transport-service': ['barrierefrei-unterwegs'],
  'food-bank': ['finanzielle-hilfen', 'familienbildung'],
  'self-help': ['beratung', 'familienbildung'],
  'job-coaching': ['beruf-familie', 'jugend'],
  tutoring: ['bildung-schule', 'gesundheit'],
  'sports-club': ['freizeit-sport', 'barrierefrei-unterwegs', 'familienbildung', 'jugend', 'kinderbetreuung'],
  'swimming-club': ['freizeit-sport', 'familienbildung'],
  'dance-school': ['freizeit-sport', 'jugend'],
  'riding-club': ['freizeit-sport', 'barrierefrei-unterwegs', 'kinderbetreuung'],
  'chess-club': ['freizeit-sport', 'bildung-schule'],
  'climbing-hall': ['freizeit-sport'],
  'arts-school': ['freizeit-sport', 'bildung-schule', 'jugend'],
  'play-bus': ['freizeit-sport', 'kinderbetreuung'],
  'youth-work': ['jugend', 'freizeit-sport', 'beratung', 'bildung-schule'],
};

/** The profile of every demo organisation, by its catalogue key. */
export const organizationProfiles: Record<string, OrganizationProfile> = {
  jugendamt: 'youth-office',
  familienbuero: 'family-office',
  'amt-fuer-soziales': 'social-office',
  schulamt: 'school-office',
  gesundheitsamt: 'health-office',
  standesamt: 'registry-office',
  baeder: 'pools',
  gruenflaechenamt: 'parks',
  stadtbuecherei: 'library',
  musikschule: 'music-school',
  jugendberufsagentur: 'career-agency',
  inklusionsbuero: 'inclusion-office',
  sonnenblume: 'family-centre',
  arche: 'family-centre',
  senfkorn: 'family-centre',
  'familienbildungswerk-sued': 'family-education',
  'sozialwerk-lippe-ahse': 'welfare-association',
  'kita-verbund-westfalen': 'childcare',
  sternschnuppe: 'childcare',
  'waldkindergarten-eichhoernchen': 'forest-kindergarten',
  'tagespflege-netzwerk': 'childcare',
  'flexi-kinderbetreuung': 'childcare',
  'hebammenpraxis-storchennest': 'midwifery',
  'hebammenzentrum-lippebogen': 'midwifery',
  'eltern-kind-zentrum-lippepark': 'maternity-centre',
  'kinderaerzte-am-kurpark': 'paediatric-practice',
  'kinderarztpraxis-an-der-lippe': 'paediatric-practice',
  'kinderaerztin-pelkum': 'paediatric-practice',
  'kinderaerzte-bockum-hoevel': 'paediatric-practice',
  'kinderarztpraxis-kastanienhof': 'paediatric-practice',
  'kinderaerzte-schlosswiese': 'paediatric-practice',
  'kinderaerzte-uentrop': 'paediatric-practice',
  'kinderaerztlicher-notdienst': 'emergency-practice',
  'fruehfoerderzentrum-ost': 'early-intervention',
  'therapiezentrum-sprachschatz': 'therapy-practice',
  'kinderzahnarzt-milchzahn': 'dental-practice',
  'familienhilfe-westfalen': 'counselling',
  lichtblick: 'counselling',
  frauenschutz: 'womens-shelter',
  'krisendienst-westfalen-mitte': 'crisis-service',
  schuldnerhilfe: 'debt-advice',
  brueckenschlag: 'migrant-association',
  'lebensfreude-inklusiv': 'inclusion-association',
  mobilitaetshilfe: 'transport-service',
  brotkorb: 'food-bank',
  'treffpunkt-alleinerziehend': 'self-help',
  'vaeter-netzwerk': 'self-help',
  zukunftswerkstatt: 'job-coaching',
  'lernstudio-pfiffikus': 'tutoring',
  'sportfreunde-lippewiesen': 'sports-club',
  'tv-kastanienhof': 'sports-club',
  'schwimmfreunde-seestern': 'swimming-club',
  'pelkumer-fuechse': 'sports-club',
  'tanzschule-taktgefuehl': 'dance-school',
  'reitverein-sonnenwiese': 'riding-club',
  'schachfreunde-roesselsprung': 'chess-club',
  kletterwerk: 'climbing-hall',
  'jugendkunstschule-farbklecks': 'arts-school',
  spielmobil: 'play-bus',
  'jugendarbeit-west': 'youth-work',
  'jugendhilfe-ostwind': 'youth-work',
  'jugendwerk-rhynern': 'youth-work',
};
