/**
 * A fast-check generator of Open Badges 3.0 credentials for differential tests: the
 * parts `issueCredential` produces (issuer profile, achievement with criteria, image,
 * alignments, result descriptions, EU micro-credential terms), plus evidence, results,
 * identifiers and status entries, each optional, with values meant to trip a converter:
 * unicode, quotes and escapes, IRIs of several schemes, compact-IRI-looking and relative
 * strings, repeated values and ids shared between nodes.
 */
import fc from 'fast-check';
import { CONTEXT_URLS } from '../contexts/index.ts';
import type { Credential, JsonObject, JsonValue } from '../types.ts';

const tricky = fc.constantFrom(
  '',
  ' ',
  'a"quote"',
  'back\\slash',
  'line\nbreak\ttab\r',
  'ext:ESCOSkill',
  'xsd:string',
  'schema:name',
  '_:b0',
  'relative/path',
  '@id',
  'https://example.org/a b',
  'urn:uuid:0',
  'did:example:1',
  'Ünïcödé ✓ 漢字 🎓',
  '\u0000\u001f\u007f',
  'Competency',
);

const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: tricky },
);

const iri = fc.oneof(
  fc.uuid().map((u) => `urn:uuid:${u}`),
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.stringMatching(/^[a-z0-9]{1,12}$/).map((s) => `did:example:${s}`),
  fc.constantFrom('https://skillmark.example/a', 'mailto:a@example.org', 'urn:isbn:0451450523'),
);

const dateTime = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2060-01-01T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().replace(/\.000Z$/, 'Z'));

/** Drops undefined properties, as JSON serialization would. */
function present(object: Record<string, JsonValue | undefined>): JsonObject {
  return Object.fromEntries(
    Object.entries(object).filter(([, v]) => v !== undefined),
  ) as JsonObject;
}

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

const alignment = fc.record({
  targetName: text,
  targetUrl: iri,
  targetDescription: opt(text),
  targetFramework: opt(text),
  targetCode: opt(text),
  targetType: opt(fc.constantFrom('ext:ESCOSkill', 'CFItem', 'CTDL', 'ceasn:Competency')),
});

const achievement = fc.record({
  id: iri,
  name: text,
  description: opt(text),
  achievementType: opt(fc.constantFrom('Competency', 'Badge', 'Certificate', 'ext:Other')),
  criteria: fc.record({ id: opt(iri), narrative: opt(text) }),
  image: opt(fc.record({ id: iri, caption: opt(text) })),
  alignment: fc.array(alignment, { maxLength: 3 }),
  tag: opt(fc.array(text, { maxLength: 4 })),
  inLanguage: opt(fc.constantFrom('en', 'de-CH', 'fr')),
  creditsAvailable: opt(fc.constantFrom(1, 2.5, 30)),
  resultDescription: fc.array(
    fc.record({
      id: iri,
      name: text,
      resultType: fc.constantFrom('GradePointAverage', 'LetterGrade', 'Percent'),
    }),
    { maxLength: 2 },
  ),
  eu: opt(
    fc.record({
      learningOutcome: fc.array(text, { maxLength: 3 }),
      eqfLevel: fc.integer({ min: 1, max: 8 }),
      furtherInformation: iri,
    }),
  ),
});

const subject = fc.record({
  id: opt(iri),
  email: opt(fc.tuple(fc.stringMatching(/^[0-9a-f]{64}$/), fc.string({ maxLength: 10 }))),
  narrative: opt(text),
  result: fc.array(
    fc.record({
      value: opt(text),
      status: opt(fc.constantFrom('Completed', 'Enrolled')),
      resultDescription: opt(iri),
    }),
    { maxLength: 2 },
  ),
  activityStartDate: opt(fc.constantFrom('2024-01-31', '2023-09-01')),
  creditsEarned: opt(fc.constantFrom(5, 7.5)),
});

const evidence = fc.record({
  id: opt(iri),
  name: opt(text),
  narrative: opt(text),
  description: opt(text),
  genre: opt(text),
  audience: opt(text),
});

/** Generates unsigned credentials issued by `issuerId`, valid from `validFrom` on. */
export function arbitraryCredential(issuerId: string): fc.Arbitrary<Credential> {
  return fc
    .record({
      id: iri,
      name: text,
      description: opt(text),
      validFrom: dateTime,
      validUntil: opt(fc.constant('2099-12-31T23:59:59Z')),
      issuer: fc.record({
        name: text,
        url: opt(iri),
        email: opt(fc.emailAddress()),
        description: opt(text),
      }),
      achievement,
      subject,
      evidence: fc.array(evidence, { maxLength: 2 }),
      status: opt(fc.nat({ max: 131071 })),
      shareIds: fc.boolean(),
    })
    .map((r) => {
      const a = r.achievement;
      const context: JsonValue[] = [CONTEXT_URLS.credentialsV2, CONTEXT_URLS.obV3p0];
      if (a.eu) context.push(CONTEXT_URLS.microCredentialV1);
      const achievementNode = present({
        id: a.id,
        type: ['Achievement'],
        name: a.name,
        description: a.description,
        achievementType: a.achievementType,
        // Sharing an id merges nodes in the RDF graph, which a converter must do too.
        criteria: present({
          id: r.shareIds ? a.id : a.criteria.id,
          narrative: a.criteria.narrative,
        }),
        image: a.image
          ? present({ id: a.image.id, type: 'Image', caption: a.image.caption })
          : undefined,
        alignment:
          a.alignment.length > 0
            ? a.alignment.map((al) => present({ type: ['Alignment'], ...al }))
            : undefined,
        tag: a.tag && r.shareIds ? [...a.tag, ...a.tag] : a.tag,
        inLanguage: a.inLanguage,
        creditsAvailable: a.creditsAvailable,
        resultDescription:
          a.resultDescription.length > 0
            ? a.resultDescription.map((rd) => ({ ...rd, type: ['ResultDescription'] }))
            : undefined,
        ...(a.eu ?? {}),
      });
      const s = r.subject;
      const credentialSubject = present({
        id: s.id,
        type: ['AchievementSubject'],
        identifier: s.email
          ? [
              {
                type: 'IdentityObject',
                identityHash: `sha256$${s.email[0]}`,
                identityType: 'emailAddress',
                hashed: true,
                salt: s.email[1],
              },
            ]
          : undefined,
        achievement: achievementNode,
        narrative: s.narrative,
        result:
          s.result.length > 0
            ? s.result.map((res) => present({ type: ['Result'], ...res }))
            : undefined,
        activityStartDate: s.activityStartDate,
        creditsEarned: s.creditsEarned,
      });
      return present({
        '@context': context,
        id: r.id,
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        name: r.name,
        description: r.description,
        issuer: present({ id: issuerId, type: ['Profile'], ...r.issuer }),
        validFrom: r.validFrom,
        validUntil: r.validUntil,
        credentialSubject,
        evidence:
          r.evidence.length > 0
            ? r.evidence.map((e) => present({ type: ['Evidence'], ...e }))
            : undefined,
        credentialStatus:
          r.status === undefined
            ? undefined
            : {
                id: `https://skillmark.example/status/1#${r.status}`,
                type: 'BitstringStatusListEntry',
                statusPurpose: 'revocation',
                statusListIndex: String(r.status),
                statusListCredential: 'https://skillmark.example/status/1',
              },
      }) as Credential;
    });
}
