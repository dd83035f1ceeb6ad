/**
 * Period questions over the dated fixture articles (bench/lib/time-fixtures): the same people meeting in 2019 and
 * 2024, a follow-up vote, an undated re-run. Each names its gold sentences; those asking about a period with
 * no such news are unanswerable (the right outcome is to abstain). Scored by the news rule of bench/qa.
 */
import type { QaItem } from '../qa/sets.js';

const LISBON = '2019-lisbon-talks.md';
const OSLO = '2024-oslo-summit.md';
const RERUN = 'oslo-summit-rerun.txt';
const VOTE = '2024-rail-vote.md';

const PACT = 'Kovac and Ferro agreed to share the Grey Banks fishing quota and to meet again within five years.';
const SIGNED = "LISBON – Norland's prime minister Anna Kovac and Sudmark's president Luis Ferro signed a fisheries pact on Thursday, their first meeting since Ferro took office.";
const RAIL = 'Kovac and Ferro agreed to build a high-speed rail link between Oslo and Porto Sul, to be finished by 2031.';
const MET_OSLO = 'Anna Kovac and Luis Ferro met in Oslo on Wednesday for a summit on trade and transport between Norland and Sudmark.';
const APPROVED = "Norland's parliament approved the funding of the Oslo to Porto Sul rail link on Monday, days after the Oslo summit between Kovac and Ferro.";
const VOTED = 'The vote passed by 98 votes to 61, and construction of the rail link is due to start next spring.';

type Gold = Array<[string, string]>;

function item(id: string, question: string, answers: string[], evidence: Gold): QaItem {
  // `seed` only picks the news scoring rule (sentence or answer in a gold article); these are not seed questions.
  return { set: 'seed', id, question, kind: answers.length || evidence.length ? 'factoid' : 'unanswerable', answerable: evidence.length > 0, answers, evidence: evidence.map(([article, sentence]) => ({ article, sentence })), group: 'time-fixtures' };
}

export const FIXTURE_QUESTIONS: QaItem[] = [
  item('t01', 'What did Kovac and Ferro agree in 2019?', ['fishing quota'], [[LISBON, PACT]]),
  item('t02', 'What did Kovac and Ferro agree in 2024?', ['rail link'], [[OSLO, RAIL], [RERUN, RAIL]]),
  item('t03', 'What did Kovac and Ferro agree in 2021?', [], []),
  item('t04', 'What did Kovac and Ferro sign in 2019?', ['fisheries pact'], [[LISBON, SIGNED]]),
  item('t05', 'Where did Kovac and Ferro meet in March 2024?', ['Oslo'], [[OSLO, MET_OSLO], [RERUN, MET_OSLO.replace('OSLO – ', '')]]),
  item('t06', 'Where did Kovac and Ferro meet in 2019?', ['Lisbon'], [[LISBON, SIGNED], [OSLO, 'The two leaders last met in Lisbon in 2019, when they signed a fisheries pact.']]),
  item('t07', 'What is the latest on the rail link?', ['approved the funding', '98 votes to 61'], [[VOTE, APPROVED], [VOTE, VOTED]]),
  item('t08', 'What did the Norland parliament approve this week?', ['funding'], [[VOTE, APPROVED]]),
  item('t09', 'What did Ferro call the rail link in 2019?', [], []),
  item('t10', 'How did the rail link vote go in 2019?', [], []),
  item('t11', 'How many tonnes can trawlers catch under the pact signed in 2019?', ['40,000 tonnes'], [[LISBON, 'The pact lets trawlers from both countries fish the Grey Banks under a shared quota of 40,000 tonnes a year.']]),
  item('t12', 'What did Ferro say about the agreement in 2019?', ['ended a decade of quarrels'], [[LISBON, 'Ferro said the agreement ended a decade of quarrels over the banks.']]),
  item('t13', 'What did Kovac and Ferro agree before 2020?', ['fishing quota'], [[LISBON, PACT]]),
  item('t14', 'What did Kovac and Ferro agree since 2020?', ['rail link'], [[OSLO, RAIL], [RERUN, RAIL]]),
  item('t15', 'Who opposed the rail link in 2022?', [], []),
  item('t16', 'What did Kovac and Ferro agree last year?', [], []),
];
