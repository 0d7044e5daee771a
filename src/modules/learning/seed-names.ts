/** Invented names for the demo's workforce, and the email domains of schools and personal accounts. */
export const firstNames =
  `Aisha Alice Amanda Amelia Amy Andrew Angela Anna Anthony Ben Beth Bridget Carl Caroline Catherine Charlotte Chloe
  Chris Claire Daniel Deborah Dominic Eleanor Elizabeth Emily Emma Faisal Fatima Frances Gareth Gemma George Georgina
  Hannah Harriet Helen Imran Isabel Jack Jacqueline James Jane Jasmine Jennifer Jessica Joanna John Jonathan Joseph
  Julie Karen Kate Katherine Kelly Kerry Laura Lauren Leanne Lisa Louise Lucy Lydia Mandy Marcus Margaret Mark Martin
  Mary Matthew Megan Michael Michelle Mohammed Naomi Natalie Neil Nicola Nina Oliver Patricia Paul Philippa Rachel
  Rebecca Richard Robert Rosie Ruth Sally Samantha Sandra Sarah Shabana Sharon Simon Sophie Stephen Susan Tanya Teresa
  Thomas Tracey Victoria Wendy Yasmin Zoe Adebayo Chiara Ewa Grzegorz Kwame Mei Priyanka Ravi Siobhan Tomasz`.split(
    /\s+/,
  )

export const lastNames =
  `Abbott Ahmed Ali Allen Anderson Armstrong Atkinson Bailey Baker Barker Barnes Bell Bennett Bird Bishop Booth
  Bradley Brooks Brown Burton Butler Campbell Carter Chapman Clarke Cole Collins Cook Cooper Cox Crawford Davies Dawson
  Day Dixon Douglas Edwards Ellis Evans Fisher Fletcher Ford Foster Fox Gardner Gibson Gill Graham Grant Gray Green
  Griffiths Hall Hamilton Harris Harrison Hart Harvey Hayes Hill Holmes Hughes Hunt Hussain Jackson James Jenkins
  Johnson Jones Kaur Kelly Kennedy Khan King Knight Lane Lawrence Lee Lewis Lloyd Marshall Martin Mason Matthews Miller
  Mills Mitchell Moore Morgan Morris Murphy Murray Nelson Nowak Osei Owen Palmer Parker Patel Pearce Phillips Porter
  Powell Price Reid Reynolds Richards Roberts Robinson Rogers Rose Russell Saunders Scott Shah Sharma Shaw Simpson
  Singh Smith Spencer Stevens Stewart Stone Taylor Thomas Thompson Turner Walker Walsh Ward Watson Webb Wells West White
  Wilkinson Williams Wilson Wood Wright Young`.split(/\s+/)

/** One way of working in a sector: the directory agency (or none), names the person may give instead, domains, jobs. */
export const schoolDomains = [
  'meadowbrook-primary.oxon.sch.uk',
  'kingfisher.oxon.sch.uk',
  'st-edburg.oxon.sch.uk',
  'cherwell-valley-academy.org.uk',
  'thameside-primary.oxon.sch.uk',
  'larkrise-school.org.uk',
  'windrush-academy.org.uk',
  'the-ridgeway.oxon.sch.uk',
  'icknield-community.oxon.sch.uk',
  'chalgrove-primary.oxon.sch.uk',
  'north-oxford-academy.org.uk',
  'banbury-park.oxon.sch.uk',
]
export const schoolJobs = [
  'Class teacher',
  'Teaching assistant',
  'Designated safeguarding lead',
  'Deputy headteacher',
  'Headteacher',
  'Pastoral lead',
  'Learning mentor',
  'Special educational needs co-ordinator',
  'Lunchtime supervisor',
  'School business manager',
]
export const gmail = ['gmail.com', 'hotmail.co.uk', 'outlook.com', 'yahoo.co.uk', 'btinternet.com']
