import type { AchievementInput } from '../domain/achievement.ts';
import type { CompetencyInput } from '../domain/frameworks/competency.ts';
import type { QuizItemInput } from '../domain/learning/quiz.ts';
import type { RubricCriterion } from '../domain/projects/rubric.ts';

/** Demo micro-credentials, realistic enough to show every EU standard element. */
export const demoAchievements: Array<{
  organization: string;
  definition: AchievementInput;
  awardTo: string[];
}> = [
  {
    organization: 'demo-university',
    awardTo: ['ada@example.org', 'hasan@example.org'],
    definition: {
      name: 'Data Wrangling with Python',
      description:
        'Cleans, reshapes and validates messy real-world data sets with pandas, and documents every step so others can reproduce it.',
      achievementType: 'MicroCredential',
      criteria: {
        narrative:
          'Pass the item-bank quiz (70% or more, at most three attempts), hand in a data-cleaning project scored at rubric level 3 of 4 or higher by an assessor, and document the pipeline in a write-up reviewed by two peers and confirmed by an assessor at level 3 or higher.',
      },
      tags: ['data engineering', 'python', 'pandas'],
      alignments: [
        {
          targetName: 'Python (computer programming)',
          targetUrl: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d',
          targetFramework: 'ESCO',
          targetType: 'ext:EscoSkill',
        },
        {
          targetName: 'perform data cleansing',
          targetUrl: 'http://data.europa.eu/esco/skill/50b100ea-74fd-4706-99db-3e4ca55e51b8',
          targetFramework: 'ESCO',
          targetType: 'ext:EscoSkill',
        },
      ],
      creditsAvailable: 3,
      fieldOfStudy: 'Information and Communication Technologies',
      inLanguage: 'en',
      validityDays: 1825,
      euElements: {
        learningOutcomes: [
          'Load tabular data from files and APIs and profile its quality',
          'Clean, join and reshape data sets with pandas',
          'Document a reproducible data-cleaning pipeline',
        ],
        notionalWorkloadHours: 75,
        eqfLevel: 6,
        assessmentType:
          'Online quiz, a practical project assessed with a rubric, and a peer-reviewed write-up',
        participationForm: 'online',
        qualityAssurance:
          'Internal quality assurance of Demo University, accredited by the national agency',
        awardingBodyCountry: 'IE',
        prerequisites: 'Basic Python programming',
        supervisionAndIdentityVerification: 'supervised-online-identity-verification',
        gradingScheme: 'Pass / Merit / Distinction',
        stackability: 'Counts toward the Certificate in Data Engineering (15 ECTS)',
      },
    },
  },
  {
    organization: 'northwind-academy',
    awardTo: ['mary@example.org'],
    definition: {
      name: 'Cloud Infrastructure Fundamentals',
      description:
        'Deploys and operates a small web service on a public cloud with infrastructure as code.',
      achievementType: 'Certificate',
      criteria: {
        narrative:
          'Deploy the reference service with infrastructure as code and pass a 60-minute practical exam.',
      },
      tags: ['cloud', 'devops'],
      alignments: [
        {
          targetName: 'cloud technologies',
          targetUrl: 'http://data.europa.eu/esco/skill/bd14968e-e409-45af-b362-3495ed7b10e0',
          targetFramework: 'ESCO',
          targetType: 'ext:EscoSkill',
        },
      ],
      validityDays: 730,
      euElements: {
        learningOutcomes: [
          'Provision networks, compute and storage with infrastructure as code',
          'Monitor a service and respond to incidents',
        ],
        notionalWorkloadHours: 40,
        eqfLevel: 5,
        assessmentType: 'Practical exam',
        participationForm: 'blended',
        qualityAssurance: 'ISO 29993 certified learning services',
        awardingBodyCountry: 'NL',
      },
    },
  },
];

/*
 * The competency-based slice of the demo (issue 4 item 8), wired by `demo-learning.ts`: Demo
 * University's framework, and the quiz, project and peer-reviewed task of "Data Wrangling with
 * Python".
 */

export type DemoCompetencyKey = 'prepare' | 'profile' | 'clean' | 'reshape' | 'document';

/**
 * An ESCO skill a competency corresponds to (URIs from the ESCO v1.1.1 classification):
 * `exactMatchOf` where the two mean the same, `isRelatedTo` where ESCO's skill is broader.
 */
export type EscoLink = {
  associationType: 'exactMatchOf' | 'isRelatedTo';
  title: string;
  uri: string;
};

const esco = (
  associationType: EscoLink['associationType'],
  title: string,
  id: string,
): EscoLink => ({ associationType, title, uri: `http://data.europa.eu/esco/skill/${id}` });

export const demoFramework = {
  title: 'Data Engineering Foundations',
  description:
    'What a junior data engineer does with data before anyone analyses it: load it, judge its quality, clean and reshape it, and leave a pipeline others can rerun.',
  version: '1.0',
  language: 'en',
};

/** In order; a parent comes before its children. */
export const demoCompetencies: Array<{
  key: DemoCompetencyKey;
  parent?: DemoCompetencyKey;
  input: Omit<CompetencyInput, 'parentId'>;
  esco?: EscoLink[];
}> = [
  {
    key: 'prepare',
    input: {
      statement: 'Prepare data for analysis',
      code: 'DEF-1',
      type: 'Competency',
      conceptKeywords: ['data preparation', 'data wrangling'],
      description: 'Turns raw tabular data into a tidy, trustworthy data set.',
    },
    esco: [esco('isRelatedTo', 'manage data', '9ff9db9d-d14b-426e-83f3-e7449af6c79f')],
  },
  {
    key: 'profile',
    parent: 'prepare',
    input: {
      statement: 'Load tabular data with pandas and profile its quality',
      code: 'DEF-1.1',
      type: 'Competency',
      conceptKeywords: ['pandas', 'data profiling'],
      description:
        'Reads files into DataFrames and measures completeness, types, ranges and duplicates before changing anything.',
      sequenceNumber: 1,
    },
    esco: [
      esco('isRelatedTo', 'data quality assessment', 'cc7370dd-69fa-4c67-a96f-d4d135d38700'),
      esco('isRelatedTo', 'Python (computer programming)', 'ccd0a1d9-afda-43d9-b901-96344886e14d'),
    ],
  },
  {
    key: 'clean',
    parent: 'prepare',
    input: {
      statement: 'Clean data: missing values, duplicates and inconsistent types',
      code: 'DEF-1.2',
      type: 'Competency',
      conceptKeywords: ['data cleansing', 'missing values', 'deduplication'],
      description:
        'Detects and corrects corrupt, incomplete and duplicate records, and converts columns to the right types.',
      sequenceNumber: 2,
    },
    esco: [esco('exactMatchOf', 'perform data cleansing', '50b100ea-74fd-4706-99db-3e4ca55e51b8')],
  },
  {
    key: 'reshape',
    parent: 'prepare',
    input: {
      statement: 'Reshape and join data sets',
      code: 'DEF-1.3',
      type: 'Competency',
      conceptKeywords: ['merge', 'pivot', 'tidy data'],
      description:
        'Combines tables on keys, checks the join for lost or multiplied rows, and reshapes between wide and long forms.',
      sequenceNumber: 3,
    },
  },
  {
    key: 'document',
    input: {
      statement: 'Document a reproducible data-cleaning pipeline',
      code: 'DEF-2',
      type: 'Competency',
      conceptKeywords: ['reproducibility', 'documentation'],
      description:
        'Writes the pipeline as code that reruns from the raw data, and explains each cleaning decision so others can review it.',
    },
  },
];

/** An item as the API takes it, tagged with a competency of the list above (distributes over kinds). */
export type DemoQuizItem = QuizItemInput extends infer Item
  ? Item extends QuizItemInput
    ? Omit<Item, 'competencyId' | 'points'> & { key: DemoCompetencyKey }
    : never
  : never;

/** The item bank; each answer is correct for pandas 2.x. */
export const demoQuizItems: DemoQuizItem[] = [
  {
    key: 'profile',
    kind: 'single',
    prompt: 'Which pandas function reads a comma-separated values (CSV) file into a DataFrame?',
    options: [
      { text: 'pd.read_csv()', correct: true },
      { text: 'pd.load_csv()', correct: false },
      { text: 'pd.open_csv()', correct: false },
      { text: 'pd.DataFrame.from_text()', correct: false },
    ],
  },
  {
    key: 'profile',
    kind: 'single',
    prompt: 'What does df.shape give for a DataFrame with 150 rows and 4 columns?',
    options: [
      { text: '(150, 4)', correct: true },
      { text: '(4, 150)', correct: false },
      { text: '600', correct: false },
      { text: '150', correct: false },
    ],
  },
  {
    key: 'profile',
    kind: 'multiple',
    prompt: "Which calls help you profile a new data set's quality without changing it?",
    options: [
      { text: 'df.info()', correct: true },
      { text: 'df.describe()', correct: true },
      { text: 'df.isna().sum()', correct: true },
      { text: 'df.drop_duplicates()', correct: false },
      { text: 'df.to_csv("profile.csv")', correct: false },
    ],
  },
  {
    key: 'profile',
    kind: 'numeric',
    prompt:
      'A column holds the values 4, 8, NaN and 12. What does its mean() return? (pandas skips missing values by default.)',
    answer: 8,
    tolerance: 0,
  },
  {
    key: 'clean',
    kind: 'single',
    prompt: 'What does df.dropna() do with its default arguments?',
    options: [
      { text: 'Drops every row that has at least one missing value', correct: true },
      { text: 'Drops only the rows in which every value is missing', correct: false },
      { text: 'Drops every column that has at least one missing value', correct: false },
      { text: 'Replaces missing values with 0', correct: false },
    ],
  },
  {
    key: 'clean',
    kind: 'multiple',
    prompt: "Which statements fill the missing values of column 'age' with that column's median?",
    options: [
      { text: "df['age'] = df['age'].fillna(df['age'].median())", correct: true },
      { text: "df = df.fillna({'age': df['age'].median()})", correct: true },
      { text: "df['age'] = df['age'].median()", correct: false },
      { text: "df['age'] = df['age'].dropna()", correct: false },
    ],
  },
  {
    key: 'clean',
    kind: 'single',
    prompt:
      "A price column was read as text ('12.50', 'n/a', '7'). Which call converts it to numbers and turns entries it cannot parse into NaN?",
    options: [
      { text: "pd.to_numeric(df['price'], errors='coerce')", correct: true },
      { text: "df['price'].astype(int)", correct: false },
      { text: "df['price'].str.strip()", correct: false },
      { text: "df['price'].fillna(0)", correct: false },
    ],
  },
  {
    key: 'clean',
    kind: 'numeric',
    prompt:
      'A DataFrame has 1,000 rows, and 40 of them repeat an earlier row exactly. How many rows are left after df.drop_duplicates()?',
    answer: 960,
    tolerance: 0,
  },
  {
    key: 'clean',
    kind: 'text',
    prompt: 'Which DataFrame method removes duplicate rows? Give its name without the parentheses.',
    acceptedAnswers: ['drop_duplicates', 'df.drop_duplicates', 'DataFrame.drop_duplicates'],
  },
  {
    key: 'clean',
    kind: 'text',
    prompt:
      "Which Series accessor gives the vectorised string methods, as in df['city'].___.strip()? Give the accessor's name.",
    acceptedAnswers: ['str', '.str'],
  },
];

/** Four levels for every criterion; level 3 is the bar the criteria set. */
function levels(beginning: string, developing: string, proficient: string, exemplary: string) {
  return [
    { value: 1, title: 'Beginning', description: beginning },
    { value: 2, title: 'Developing', description: developing },
    { value: 3, title: 'Proficient', description: proficient },
    { value: 4, title: 'Exemplary', description: exemplary },
  ];
}

export type DemoRubricCriterion = Omit<RubricCriterion, 'competencyId'> & {
  key: DemoCompetencyKey;
};

export const demoProjectRubric: DemoRubricCriterion[] = [
  {
    id: 'profiling',
    key: 'profile',
    title: 'Profiling before cleaning',
    levels: levels(
      'No profile of the raw data.',
      'Some counts, but problems are found by accident.',
      'Missing values, types, ranges and duplicates are measured before any change.',
      'The profile is rerun after cleaning and the two are compared.',
    ),
  },
  {
    id: 'cleaning',
    key: 'clean',
    title: 'Missing values, duplicates and types',
    levels: levels(
      'Problems remain or rows are dropped without reason.',
      'Most problems are fixed, some choices are unexplained.',
      'Every problem found is handled with a stated, suitable choice.',
      'Choices are compared (e.g. drop vs. impute) and their effect is measured.',
    ),
  },
  {
    id: 'reshaping',
    key: 'reshape',
    title: 'Joining and reshaping',
    levels: levels(
      'Tables are not combined, or the join loses rows unnoticed.',
      'Tables are joined, but row counts are not checked.',
      'The join is checked for lost and multiplied rows and the result is tidy.',
      'Join keys are validated up front and the reshaping is tested.',
    ),
  },
];

export const demoPeerRubric: DemoRubricCriterion[] = [
  {
    id: 'reproducibility',
    key: 'document',
    title: 'Reproducible steps',
    levels: levels(
      'Steps were done by hand and cannot be rerun.',
      'A script exists but needs manual fixes to run.',
      'The pipeline reruns from the raw data with one command.',
      'It also pins its dependencies and checks its output.',
    ),
  },
  {
    id: 'decisions',
    key: 'document',
    title: 'Explained decisions',
    levels: levels(
      'No decision is explained.',
      'Some decisions are named, without reasons.',
      'Each cleaning decision is explained with its reason.',
      'Reasons cite the profile and discuss alternatives.',
    ),
  },
];

/** The assessments of "Data Wrangling with Python", as learners see them. */
export const demoAssessments = {
  quiz: {
    title: 'Data wrangling with pandas: quiz',
    instructions:
      'Ten questions on loading, profiling and cleaning data with pandas. You may use the pandas documentation, but not another person.',
  },
  project: {
    title: 'Clean a messy customer data set',
    instructions:
      'Take a customer export with missing values, duplicates, mistyped columns and a separate orders table. Profile it, clean it, join the orders, and hand in your code (a link to a repository, or the script as a text file) with a short report of what you found and changed.',
  },
  peerReview: {
    title: 'Document your data-cleaning pipeline (peer-reviewed)',
    instructions:
      'Explain how to rerun your cleaning pipeline from the raw data, and why you made each cleaning decision. Two other learners review your write-up anonymously, and you review two of theirs; an assessor confirms the result.',
  },
};

/** Two learners who handed in the peer-reviewed task, so a newcomer has peers at once. */
export const demoPeerSubmitters: Array<{ email: string; text: string }> = [
  {
    email: 'mary@example.org',
    text: 'My pipeline is one script, clean.py, run with "python clean.py raw/customers.csv". It first prints a profile (row count, missing values per column, duplicate ids), then normalises the e-mail addresses to lower case, removes the 37 duplicated customers keeping the most recent record, and converts signup_date with pd.to_datetime. Missing ages are left empty rather than imputed, because they are missing mostly for one region.',
  },
  {
    email: 'emmy@example.org',
    text: 'I used a Jupyter notebook exported as pipeline.py. Step 1 reads the CSV with explicit dtypes so postal codes keep their leading zeros. Step 2 replaces the placeholder "n/a" with NaN and coerces the price column to numbers. Step 3 drops exact duplicates (12 rows). Step 4 merges orders onto customers with validate="many_to_one", which caught two customer ids that were not unique. A requirements.txt pins pandas.',
  },
];
