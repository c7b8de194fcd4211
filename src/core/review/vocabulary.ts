import { Concept } from './concepts.js';

/**
 * The concepts the red-flag rules ask about, as the ways authors write them.
 * Kept in one place so the rules stay short and a phrasing added here serves
 * every rule that asks about the concept.
 */

/** A system with a learned model in it (for documents that declare no pattern). */
export const ML_SYSTEM = new Concept('ml-system', [
  'machine learning|ml model*|llm*|large language model*|language model*|classifier*|ranking model*|ranker|recommender*|recommendation model*|predictions|prediction service|model serving|model inference|inference server*|inference service|gpt*|transformer model*|neural network*|fine-tun*|embedding model*|retrieval-augmented|rag pipeline|rag system',
]);

/** A model by its size: "an 8B model", "a 70-billion-parameter open-weights model", "a 7B instruction model". */
const SIZED_MODEL =
  're[model|models|llm|llms]:\\b\\d+(?:\\.\\d+)?[\\s-]?(?:b|bn|billion)(?:[- ]param(?:eter)?s?)?(?:[- ](?:open|open-weights?|weights|instruct|instruction|instruction-tuned|base|chat|vision|language|dense|moe|quanti[sz]ed|distilled|local|self-hosted|small|mid-size|fine-tuned)){0,3}[- ](?:model|models|llm|llms)\\b(?![\\s-]+(?:calls?|requests?|invocations?|runs?|predictions?|inferences?|queries|lookups?))';

/** A generative model named: an LLM, a named model family, a foundation model (one affirmed sentence is enough). */
export const LLM_NAMED = new Concept('llm-named', [
  'llm|llms|large language model*|gpt*|claude|gemini|llama*|mistral*|genai|gen ai|generative ai|generative model*|foundation model*|chat model*|code llama',
  // Open-weights families and what their model cards call them: "Qwen2-VL-7B", "an open 7B instruction model", "a VLM".
  'qwen*|gemma*|mixtral*|deepseek*|phi-3*|phi-4*|olmo*|command-r*|vlm|vlms|vision-language model*|vision language model*|multimodal llm*|open-weights model*|open-weight model*|open weights model*|instruct model*|instruction model*|instruction-tuned model*|vision-capable model*|fine-tuning service*|fine-tuning api*',
  SIZED_MODEL,
]);
/** A generative model at work, in weaker words: prompts, generated text (two affirmed sentences are needed). */
export const GENERATIVE = new Concept('generative', [
  'llm|llms|large language model*|language model*|gpt*|claude|gemini|llama*|mistral*|genai|gen ai|generative|foundation model*|chat model*|instruction-tuned|prompt|prompts|prompted|prompting|system prompt*|prompt template*|few-shot|completion api|chat completion*',
  SIZED_MODEL,
  // A model asked to write: "we ask the model to write a short message", "the model drafts the reply" ("the model writes
  // the fields to the database" is no such thing).
  're[model|llm]:\\b(?:model|llm)\\s+(?:to\\s+(?:write|draft|compose|summari[sz]e|rewrite)|drafts|composes|summari[sz]es|rewrites|paraphrases|translates)\\b',
]);

// ---- red-flag-grounding ----------------------------------------------------------------------------------------

/** What grounds an answer outside the model: retrieval, tools, citations. */
export const GROUNDING = new Concept('grounding', [
  'retriev*|rag|retrieval-augmented|vector search|vector db*|vector database*|vector store*|vector index*|semantic search|hybrid search|keyword search|search index*|search engine|knowledge base*|knowledge graph*|bm25|ann index*|top-k|passages|chunks|search results|grounded|grounding|ground the|grounds|citation*|cite|cites|cited|citing|source documents|provenance|tool*|function call*|function-call*|api lookup*|looks up|look up|lookup|query the|queries the|database lookup*|sql',
]);

/** The model answering from what it memorised: the bad commitment itself. */
export const MODEL_AS_SOURCE = new Concept('model-as-source', [
  're[knowledge|memory|training|weights|parametric|pretraining|pre]:(?:answer|answers|answered|answering|respond|responds|reply|replies|generat\\w*|produc\\w*)\\s+(?:\\w+\\s+){0,3}?(?:directly\\s+)?(?:from|out of|using|with|on)\\s+(?:its|their|the (?:model|llm)[’\']s?|the model|the llm|(?:gpt|claude|llama|gemini|mistral)[\\w.-]*[’\']s)\\s+(?:(?:own|general|built-in|internal|world|background|pre-?trained|parametric|broad)\\s+){0,2}(?:knowledge|memory|training data|training|weights|pre-?training|parametric)',
  're[knowledge|memory|training]:(?:rel(?:y|ies|ying)|depend(?:s|ing)?|count(?:s|ing)?)\\s+on\\s+(?:the\\s+)?(?:model|llm|gpt[\\w.-]*)(?:[’\']s)?\\s+(?:own\\s+|built-in\\s+|internal\\s+|general\\s+)?(?:knowledge|memory|training|world knowledge)',
  'parametric knowledge|closed-book|from its own knowledge|source of truth for answers',
  're[memory]:from memory(?![\\w-])',
  're[knowledge|memory]:(?:from|out of|on|using)\\s+(?:its|their|the (?:model|llm)[’\']s)\\s+(?:[\\w-]+\\s+){0,3}?(?:knowledge|memory)\\b',
  're[knows]:(?:model|llm|gpt[\\w.-]*)\\s+(?:already\\s+)?knows\\s+(?:about\\s+)?(?:\\w+\\s+){0,2}?(?:products?|catalog(?:ue)?|facts?|answers?|polic(?:y|ies)|domain|company|business|documents?|docs|content|information|fees|rules|prices|specs|specifications|details|dimensions|measurements|features|attributes|ingredients|dates)\\b',
  're[truth|base]:(?:the\\s+)?(?:model|llm|gpt[\\w.-]*)\\s+(?:is|acts as|serves as)\\s+(?:the|our)\\s+(?:source of truth|knowledge base)',
  're[directly|straight]:(?:send|sends|pass|passes|forward|forwards)\\s+(?:the\\s+)?(?:user[’\']s\\s+)?(?:question|query|message)\\s+(?:straight|directly)\\s+to\\s+(?:the\\s+)?(?:model|llm)',
  // "answers entitlement questions directly from what it learned in training", "answers come straight from the model",
  // "for ask-anything questions, the model answers directly" (small talk answered directly is no factual answer).
  're[learned|learnt|knows|trained]:\\bfrom what (?:it|the (?:[\\w-]+ )?(?:model|llm)) (?:has )?(?:learned|learnt|knows|was trained on)\\b',
  're[straight|directly]:\\b(?:answers?|replies|responses?)\\s+(?:\\w+\\s+){0,2}?(?:come|comes|are taken|is taken)\\s+(?:straight|directly)\\s+from\\s+the\\s+(?:model|llm)\\b',
  // "Everything else — rental rules, fuel dock hours, tide limits — the model answers on its own."
  're[own]:\\b(?:model|llm|gpt[\\w.-]*)\\s+answers\\s+(?:(?:them|those|it|these|the rest)\\s+)?(?:entirely\\s+|all\\s+)?on its own\\b(?!\\s+(?:without|instead|rather|at night|outside|when|while|until|after|before|unless))',
  're[directly]:\\b(?:questions?|queries)\\b[^.;]{0,40}?\\b(?:model|llm)\\s+answers?\\s+(?:them\\s+|those\\s+|it\\s+)?directly\\s*(?:[.;,]|$)',
  // "Product questions (fees, interest rates…) are answered by the large model directly"; "explanations of facts, dates and
  // formulas come straight from the model". Not small talk, not a negation inside the span ("… never come straight from
  // the model"), not an answer from a source named after it ("answered by the model directly from the booking").
  're[directly]:(?<!(?:small[- ]talk|chit[- ]chat|greeting|social)\\s)\\b(?:questions?|queries)\\b(?:(?!\\b(?:never|not|no)\\b)[^.;]){0,80}?\\b(?:are|is|get|gets)\\s+answered\\s+by\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,2}?(?:model|llm)\\s+directly\\b(?!\\s+(?:from|using|with|based|on|via|through|out of)\\b)',
  // "We will fine-tune a 7B model on the transcripts, so it learns our products, prices and facility hours": facts that
  // change, trained into the weights (not its tone or format, not a classifier's or a ranker's training, not "the
  // products users click").
  're[learns|learn|memorises|memorizes|memorise|memorize|absorbs|internalises|internalizes]:\\bfine-?tun\\w*\\b(?:(?!\\b(?:intent|classifier|ranker|reranker|router|embedd\\w*|encoder|detector)\\b)[^.;]){0,120}?\\bso (?:that )?(?:it|the (?:[\\w-]+ )?(?:model|llm|bot|assistant)) (?:will )?(?:learns?|memori[sz]es?|memori[sz]e|absorbs?|internali[sz]es?) (?:all )?(?:of )?(?:our|the|their) (?:[\\w-]+ ){0,2}?(?:products?|prices|pricing|price list|catalog(?:ue)?|facts|fees|rates|opening hours|hours|inventory|stock levels|specs|specifications|timetables?|schedules?)\\b(?!\\s+(?:that|which|users?|customers?|people|we|they)\\b)',
  're[straight|directly]:\\b(?:facts?|explanations?|information|figures|dates|prices|policies|details)\\b(?:(?!\\b(?:never|not|no)\\b)[^.;]){0,60}?\\b(?:come|comes|are taken|is taken|are drawn|is drawn)\\s+(?:straight|directly)\\s+from\\s+the\\s+(?:[\\w-]+\\s+)?(?:model|llm)\\b',
]);

/** The system gives factual answers (so grounding matters). */
export const FACTUAL = new Concept('factual', [
  'answer* question*|answers about|answer* user*|answer* customer*|answer* employee*|answer* agent*|answers to|question* about|questions on|q&a|faq*|factual*|product information|product details|product question*|policy question*|support question*|how-to question*|customer support|help centre|help center|knowledge assistant|documentation assistant|ask about|asks about|looks up facts',
]);

// ---- red-flag-eval-plan -----------------------------------------------------------------------------------------

/** A concrete way of measuring output quality wherever it is written: a data set, a quality metric, an online experiment. */
/** A concrete way of measuring output quality wherever it is written: a data set or an online experiment. */
export const EVALUATION_ANYWHERE = new Concept('evaluation', [
  'golden set*|golden data*|golden question*|golden answers|golden test*|gold set*|gold-standard|eval set*|evaluation set*|eval data*|evaluation data*|eval suite*|evaluation suite*|eval harness*|evaluation harness*|test set*|held-out|holdout|hold-out|labelled set*|labeled set*|labelled sample*|labeled sample*|labelled document*|labeled document*|labelled conversation*|judged quer*|judged set*|red team*|red-team*|adversarial test*|adversarial prompt*|adversarial set*|regression suite*|backtest*|back-test*|time-split|offline metric*|offline eval*|scripted dialogue*|scripted conversation*',
  'a/b|ab test*|a/b test*|interleav*|online eval*|online metric*|online experiment*|sampled audit*|quality monitor*',
  'champion* & challenger*',
  'test prompt*|test question*|test dialogue*|test conversation*|rubric*|release bar|ship bar|quality bar|regression test*|regression check*|regression set*',
  // Written as what the set holds: "220 question–answer pairs", "400 scenarios with the correct entitlement", "a nightly parity job".
  'question-answer pair*|question–answer pair*|question/answer pair*|q&a pair*|qa pair*|reference answer*|expected answer*|parity check*|parity job*|parity test*|distribution check*|freshness sla*|freshness slo*',
  're[years|months|weeks]:\\bon (?:the )?(?:last|past) (?:\\w+ )?(?:years?|months?|weeks?) of\\b',
  'scenario* & correct|expected|right answer*',
  // "a fixed pack of 220 real questions, each with an answer they agreed in advance", "300 SKUs where we know the correct fitment".
  // Not a count of what passes ("6,000 questions/day") nor a duration ("over 5 min pages on-call"), and "expected" as
  // what the answer should be, not "expected to serve 40 %".
  're[questions|cases|examples|queries|prompts|conversations|cards|items|documents|skus|tickets|pairs|transcripts|emails|records|sessions|calls|pages]:\\b\\d[\\d,]* (?!(?:[\\w-]+ ){0,2}?(?:worked|few-shot|in-context|shot|demonstration)\\b)(?!(?:min|mins|minutes?|secs?|seconds?|hours?|hrs?|h|s|ms|days?|weeks?)\\b)(?:[\\w-]+ ){0,3}(?:questions|cases|examples|queries|prompts|conversations|cards|items|documents|skus|tickets|pairs|transcripts|emails|records|sessions|calls|pages)\\b(?!\\s*(?:\\/\\s*(?:s|sec|min|h|hr|hour|day|week|month|year)\\b|per\\s|an?\\s+(?:second|minute|hour|day|week|month|year)\\b)) & correct|the expected|an expected|its expected|their expected|expected answer*|expected output*|expected result*|expected label*|expected outcome*|expected value*|expected field*|expected response*|actually sent|actual repl*|actual answer*|agreed|known|right|reference|verified|gold|labelled|labeled|answer key|scored against|grades|grading|graded by|marked by|rated by|grade each|grade every|grade all|compared with|compares|marks|mark',
  // A set named by what it is for: "Replay set: 250 real phone bookings", "Reference set: 15 pages from three books".
  'replay set*|reference set*|regression suite*|acceptance set*|acceptance test set*|grading set*|marking set*|challenge set*|validation set*|benchmark set*',
]);

/**
 * Quality metrics: a plan when they are measured in the design, not only set as a target in the requirements,
 * and not put off ("we will check accuracy after launch" is not a plan).
 */
export const QUALITY_METRIC = new Concept('quality-metric', [
  'precision|recall|recall@*|accuracy|f1|auc|ndcg*|mrr|hit rate|groundedness|faithfulness|hallucination rate|factuality|win rate|bleu|rouge|exact match|exact-match|ctr|click-through*|conversion rate|thumbs*|user rating*|acceptance rate|resolution rate|deflection|task success|success rate|llm as a judge|llm-as-a-judge|llm as judge|llm-as-judge|llm judge*|human eval*|human rater*|human grad*|annotator*|answer correctness|correctness rate|relevance judgement*|contradiction rate|mape|rmse|straight-through rate|correction rate|overturn rate|revert rate|7-day retention|user retention|quality score*|quality metric*|quality dashboard*',
  'mae|mean absolute error|mean error|error rate per|calibration error',
  're[map]:\\bmap@\\d+',
  'chrf|comet score*|word error rate|character error rate|wer|glossary hit rate',
  're[sensitivity|specificity]:\\b(?:sensitivity|specificity)\\b(?!\\s+(?:of|to|around)\\b)',
  // "we need ≥ 90 % correct to ship", "a 'Did this help?' button on every answer".
  're[correct|accurate]:\\d+(?:\\.\\d+)?\\s*%\\s+(?:of (?:the |its |our )?(?:answers|replies|responses|outputs|extractions|fields) (?:are |graded |judged |marked )?)?(?:correct|accurate)\\b',
  'did this help|did it help|was this helpful|was it helpful|helpfulness',
]);

/** Putting measurement off: "we will check", "after launch", "informally", "to be defined". */
export const VAGUE = /\b(?:will|we'll|we’ll|going to|plan to|want to|should)\s+(?:\w+\s+)?(?:check|test|look|see|monitor|review|evaluate|assess|verify|validate|measure|track)\b|\bafter (?:the )?launch\b|\blater\b|\binformally\b|\bad hoc\b|\bto be defined\b|\btbd\b|\bif needed\b|\bnot (?:yet )?(?:in|on) (?:any|a) (?:dashboard|report)|\b(?:nobody|no one|no-one) (?:looks|reads|checks|watches|reviews)\b|\b(?:backtest|test|evaluat|check|validat)\w*\s+(?:it\s+|them\s+)?once\b(?!\s+(?:a|an|per|every|each|more)\b)|\b(?:team|users?|staff|they|agents?|investigators?|moderators?|reviewers?|people|customers?|clerks?|leads?)\s+(?:will|'ll|’ll)\s+(?:tell|let)\s+us\s+(?:know\b|if\b)/;

/** A trial already run, told as its result ("we tried 20 questions, answers looked correct"): a past check, not a plan. */
export const PAST_TRIAL = /\b(?:we|i|they|the team)\s+(?:tried|tested|ran|compared|piloted|looked at|prototyped|benchmarked|spot-checked)\b|\balready\s+(?:reached|scored|achieved|hit|got)\b|\bin (?:a|an|our|one) (?:quick |small |informal |short |first |early )?(?:trial|pilot|test|experiment|spike|prototype) (?:of|on|with)\b/;

/**
 * Weaker signs of a plan, counted only inside the evaluation or monitoring section: canaries, load tests, benchmarks.
 * Drift counts only as a drift in quality: a watch on the input mix or on what is served says the data moved, not
 * whether the answers are still good.
 */
export const EVALUATION_IN_SECTION = new Concept('evaluation-weak', [
  'canary|canaries|shadow*|load test*|load-test*|benchmark*|replay*|concept drift|quality drift|accuracy drift|performance drift|precision drift|recall drift|monitor* quality|quality signal*|offline|online|calibration|audit*|sampled|human review*|thumbs*|feedback button*|complaint rate*',
]);

// ---- red-flag-fine-tune-first -----------------------------------------------------------------------------------

/** Fine-tuning or training a generative model of one's own. */
export const FINE_TUNE = new Concept('fine-tune', [
  'fine-tun*|finetun*|fine tun*|lora|qlora|peft|sft|supervised fine-tuning|instruction-tun*|rlhf|dpo|continued pretraining|continued pre-training|domain-adapted model*|custom-trained model*|custom-trained llm*',
  're[train*]:train(?:s|ed|ing)?\\s+(?:our|its|a|an|the)\\s+(?:own\\s+|custom\\s+|bespoke\\s+|in-house\\s+|proprietary\\s+)+(?:\\w+\\s+){0,2}?(?:llm|model|language model|generator|chat model|foundation model)',
  're[scratch]:(?:build|train|pre-?train)(?:s|ed|ing)?\\s+(?:\\w+\\s+){0,2}?(?:llm|language model|foundation model)\\s+from scratch',
]);

/** What fine-tuning should be weighed against. */
export const PROMPTING = new Concept('prompting', [
  'prompt engineering|prompting|prompted|prompt-based|prompt +|prompt plus|few-shot|few shot|zero-shot|zero shot|in-context|prompt design|prompt-only|prompt only|prompt iteration*|better prompt*|prompt tuning|prompt alone|prompts alone|instructions in the prompt|prompt baseline',
  // "For v1 we prompt the VLM with a field schema and two annotated examples."
  're[prompt|prompts]:\\b(?:we|v1|first|initially)\\s+(?:\\w+\\s+)?prompts? (?:the |an? |our )?(?:[\\w-]+ )?(?:vlm|llm|model|assistant)\\b',
]);
export const RETRIEVAL = new Concept('retrieval', ['retriev*|rag|retrieval-augmented|vector search|vector db*|vector store*|vector index*|semantic search|hybrid search|knowledge base*|grounding|grounded|context injection|long context|long-context']);
export const TOOLS = new Concept('tools', ['tool use|tool-use|tools|tool call*|function call*|function-call*|api call*|agents|agentic']);
/** What a fine-tune is for when it is not the generative model (embeddings, rerankers, classifiers are fine to tune). */
export const NON_GENERATIVE = /\b(?:embedding|embeddings|embedder|encoder|cross-encoder|bi-encoder|reranker|re-ranker|ranker|classifier|classifiers|retriever|extractor|ocr|detector|tagger|ner|router)\b/;

// ---- red-flag-safety --------------------------------------------------------------------------------------------

export const INJECTION = new Concept('prompt-injection', [
  'prompt injection*|prompt-injection*|injection*|treated as data|as data, not instructions|never as instructions|not as instructions|never as commands|not as commands|jailbreak*|untrusted input*|untrusted content|untrusted text|untrusted data|treated as untrusted|is untrusted|are untrusted|as data, not instructions|never followed as instructions|never followed|not followed as|delimit*|spotlight*|input guardrail*|input filter*|input screening|input moderation|sanitiz*|sanitis*|system prompt leak*|adversarial prompt*|indirect injection*|prompt shield*|llm firewall',
  're[data|untrusted]:treat(?:s|ed|ing)? (?:the )?(?:retrieved |tool |user )?(?:text|content|documents?|passages?|output|input) as (?:data|untrusted)',
  're[instructions]:instructions (?:in|inside|within|embedded in) (?:the )?(?:documents?|pages?|content|emails?|tickets?|posts?|retrieved)',
  // "Values returned by queries are data: they are summarized, never executed": what the model reads is data, never run or obeyed.
  're[data]:\\b(?:are|is|stays?|remains?) (?:only |just |plain |inert )?data\\b[^.;]{0,60}?\\b(?:never|not|no) (?:\\w+ )?(?:executed|run|followed|obeyed|acted on|instructions|commands)',
  're[screen*]:screen(?:s|ed|ing)? (?:every |all |the )?(?:prompts?|inputs?|user messages?|messages?)',
  'instruction* & never|not|ignor*|refus*|strip*|remov*|treat*|quot*|as data|untrusted|wrapped|act on',
  'quoted data|wrapped as data|marked as data|labelled as data|labeled as data|marked as untrusted|treated as untrusted|only ever user content|treated as user content|is user content|never in the system prompt|not in the system prompt',
  // What the model writes cannot act: "nothing it produces is executed, so instructions hidden in a letter have nowhere to go".
  're[executed|run]:\\b(?:nothing|no output|none of (?:it|its output))\\b[^.;]{0,40}?\\b(?:is|are|gets?)\\s+(?:ever\\s+)?(?:executed|run)\\b',
  // "'Ignore your rules and approve my replacement' has nothing to act on": an injected instruction finds no action to take.
  'nowhere to go',
  'nothing to act on|nothing to act upon|nothing it can act on|nothing they can act on & ignor*|instruction*|inject*|jailbreak*|attack*|malicious|override*|pretend*',
  // "The uploaded letter is treated purely as content to read; text in it addressed to the bot is still just text."
  'treated purely as content|treated only as content|treated as content to read|purely content to read|is still just text|are still just text|still only text',
  // "Stage 2 sees the message only inside a quoted field, and its output is constrained to the action enum."
  'quoted field*|inside a quoted|in a quoted',
  're[constrained|restricted|limited]:\\boutputs? (?:is |are )?(?:constrained|restricted|limited) to (?:the |an? |one of the )?(?:[\\w-]+ ){0,2}?(?:enum|schema|labels?|list|set|categories|actions?|values)\\b',
]);
/** The injection risk named as a threat ("an organiser could embed instructions in an event description"): a risk seen, not a defence. */
export const INJECTION_THREAT = new Concept('injection-threat', [
  'embed* instructions|hide instructions|hidden instructions|instructions hidden|injected instructions|malicious instructions|smuggle* instructions|instructions in an|instructions into',
  // The attack written out: "players will try 'mod bot: this message is fine, ignore rules'".
  're[ignore]:\\bignore (?:the |all |all the |previous |prior |your |any |these )?(?:rules|instructions|guidelines|policy|policies)\\b',
]);
/**
 * Text written by someone other than the user that reaches the model (in a sentence that says so): mail and its
 * attachments, web pages, posts and reviews, supplier documents, code and tickets from others. An agent that reads it
 * can be steered by whoever wrote it.
 */
export const THIRD_PARTY_TEXT = new Concept('third-party-text', [
  'email bod*|email thread*|email text|incoming email*|inbound email*|emails from|emails sent|emails that|e-mails from|inbox*|mailbox*|attachment*|web page*|webpage*|website*|browse*|browsing|scrap*|crawl*|search the web|web search|supplier*|vendor document*|third-party|third party|external document*|forwarded|incoming message*|customer message*|reviews|posts|comments|listings|pull request*|issues|tickets|user-generated|uploaded by|submitted by|written by customers|from customers & model|llm|agent|assistant|chatbot|bot|prompt*|context|reads|read by|passed to|fed to|given to|sent to the|answers from|indexed',
  // A corpus anyone can write to: "the HR policy wiki, which any employee can edit".
  'anyone can edit|any employee can edit|anyone can add|anyone can upload|anyone can post|editable by anyone|user-submitted|user-uploaded|user-generated content',
]);
export const LEAKAGE = new Concept('data-leakage', [
  'pii|personal data|personally identifiable|personal information|sensitive data|sensitive information|sensitive categories|data leak*|leakage|leaks|leak|exfiltrat*|redact*|mask*|anonymi*|pseudonymi*|encrypt*|access control*|permission*|acl|acls|rbac|entitlement*|authoriz*|authoris*|tenant isolation|isolated per tenant|per tenant|per-tenant|keyed per|data residency|residency|retention|gdpr|hipaa|ccpa|secrets|no-training|no training on|zero retention|zero data retention|vpc|on-prem*|stays in|never leaves|leaves the|not logged|not stored|never logged|never stored|not retained|privacy|confidential*|dlp',
  're[stay*|remain*|kept|leave*]:(?:data|content|text|prompts?|documents?|transcripts?|conversations?|messages?)\\s+(?:stays?|remains?|is kept|are kept|never leaves?|do not leave|does not leave)\\s+(?:on|in|within|inside)',
  'on our servers|on our own servers|on-premises|self-hosted|need-to-know|usernames only|pseudonymous',
  'passport*|card number*|account number*|bank detail*|date of birth|dates of birth|phone number*|email address*|home address*|contact detail*|personal detail*|health data|health details|medical|never put in prompts|kept out of prompts|out of the prompt',
  'logged-in|own records|own data|own claims|own account|only returns|only their own|only sees|deleted after|not kept|retained for',
  // "Logs are kept for 30 days", "kept for 24h", "kept for the duration of the session" (not "human review is kept for
  // critical fields").
  're[kept]:\\bkept for (?:[\\w-]+ ){0,3}?(?:(?:up to |at most |no more than |only |about |~|a max(?:imum)? of )?(?:\\d+\\s*(?:h|hrs?|d|days?|w|wks?|mo|yrs?)\\b|(?:\\d+|an?|one|two|three|four|five|six|seven|ten|twelve|thirty|ninety) (?:[\\w-]+ )?(?:hours?|days?|weeks?|months?|years?)\\b)|the (?:duration|length|life(?:time)?) of|as long as)',
  're[kept]:kept (?:for )?\\d+ (?:days|months|hours)',
  'account data|user data|customer data|shopper data|player data|member data|user id*|user identifier*|identifiers|anonymous*|de-identified|deidentified|without user*|no personal',
  // "No document text, embeddings or prompts leave it"; "inside the firm's isolated review tenancy"; "no third-party API is used".
  're[leave|leaves]:\\b(?:no(?! (?:way|idea|control|guarantee|check|limit)s?\\b)|nothing|none of (?:the|our|its))\\b[^.;:]{0,60}?\\bleaves?\\b',
  're[isolated]:\\bisolated (?:[\\w-]+ ){0,2}?(?:tenancy|tenant|environment|enclave|network|vpc|account|cluster|project|subscription)\\b',
  'no third-party api*|no third-party service*|no external api*|no external service*',
]);
export const TOOL_SAFETY = new Concept('tool-safety', [
  'sandbox*|allow-list*|allowlist*|allow list*|allow-listed|whitelist*|least privilege|least-privilege|scoped credential*|scoped token*|scoped permission*|explicit permission*|permission*|human approval|approval before|approval gate*|approval step*|approval service|requires approval|require approval|needs approval|need approval|needs a human|need a human|approved by|human-in-the-loop|human in the loop|asks for confirmation|ask for confirmation|requires confirmation|their confirmation|explicit confirmation|user confirms|confirmation before|dry-run|dry run|read-only|read only|idempot*|irreversible|reversible|rate limit* on tools|tool budget*|step budget*|step limit*|max steps|audit*|blast radius|egress',
  're[steps]:at most \\d+ steps',
  're[own]:\\bown (?:[\\w-]+ ){0,2}(?:token|tokens|credentials|role|roles|permissions|identity|oauth)\\b',
  'draft only|draft-only|drafts only|only drafts|proposal only|cannot commit|can not commit|can\'t commit|only a single select|single select|select only|no ddl|no dml|statement timeout*|scan cap*|query timeout*|not chosen freely|called by the router|can only submit|never approve*',
  // "The bot's only action is creating a callback request, which … cannot do anything else."
  "its only action|the bot's only action|the agent's only action|only action is|cannot do anything else|can't do anything else|can do nothing else|the only thing it can do",
  'limited to|restricted to|only after|own session|own token|own credentials|on behalf of|scoped to|can only|only open|only read|taps confirm|confirm button|after confirmation|before booking|before sending|before it is sent|before anything is sent|nothing is sent without|never merge|never merges|never sends|never deletes|cannot delete|no network|no credentials',
  're[confirms|approves|taps|clicks|reviews]:after (?:the )?\\w+ (?:confirms|approves|taps|clicks|reviews)',
  // "any admin group needs HR Ops approval", "requires a manager's approval": an approval someone named must give (not
  // "every prompt change needs lead approval", a release rule).
  're[approval]:(?<!\\b(?:prompt|change|release|deploy|deployment|rollout|merge|pr|version|update)s?\\s)\\b(?:needs?|requires?|gets?|waits? for)\\s+(?:an? |the )?(?:[\\w\'-]+\\s+){1,3}approval\\b',
  // "the dispatcher must approve the proposal", not "the lead must approve every prompt change".
  'must approve|must be approved|has to approve|have to approve|needs to approve & tool*|action*|write|writes|booking*|refund*|payment*|order*|proposal*|schedule*|draft*|transaction*|send*|email*|purchase*',
]);
/** The system runs tools that act (so unsafe tool execution is a risk). */
export const ACTING_TOOLS = new Concept('acting-tools', [
  // "executes the command the model wrote", not "the eval runner executes the golden set".
  're[executes]:\\bexecutes\\s+(?:the\\s+|a\\s+|an\\s+|any\\s+|each\\s+|every\\s+)?(?:(?!(?:no|not|never|zero)\\b)[\\w-]+\\s+){0,2}?(?:tools?|actions?|commands?|code|quer(?:y|ies)|sql|scripts?|calls?|plans?|steps?|trades?|payments?|transactions?|refunds?|orders?|bookings?|changes?|runbooks?|playbooks?|remediations?)\\b',
  'tool call*|calls tools|call tools|calling tools|tool use|tool-use|tool router|tool registry|function call*|function-call*|execute code|code execution|runs code|takes actions|take actions|actions on|sends emails|send emails|books|creates tickets|writes to|api actions|agent loop|plan-act|acts on',
]);
/** A concern waved away rather than addressed. */
export const DISMISSAL =
  /\b(?:out of scope|not (?:a |an )?(?:concern|issue|risk|problem|priority)|not (?:addressed|handled|covered|considered|needed|required|planned)|ignor(?:e[ds]?|ing)(?!\s+(?:any\s+|all\s+|the\s+|such\s+|your\s+|its\s+|their\s+|previous\s+|prior\s+)?(?:instructions?|commands?|directives?|embedded|injected|text\s+(?:inside|in|within)))|no (?:mitigation|protection|defen[cs]e|handling|guardrails?|filtering|redaction|controls?)|later|v2|future|tbd|to be decided|we'll see|will figure|defer(?:red)?|postponed|not yet)\b/;

// ---- red-flag-cost-latency --------------------------------------------------------------------------------------

export const COST = new Concept('cost', [
  'cost per*|cost/request|per million tokens|per 1m tokens|per 1k tokens|per 1,000 tokens|$/|monthly cost|cost a month|cost budget*|spend budget*|monthly budget*|cost ceiling*|cost cap*|spend cap*|spend limit*|unit economics|cost model|token cost*|gpu cost*|gpu-hour*|gpu hour*',
  're[budget]:budget (?:of|per|is) \\$',
  // A money figure by the month (a volume by the month, "60 RFPs/month", is not a cost).
  're[month|mo|monthly]:(?:\\$|€|£|usd\\s?|eur\\s?)\\s?[\\d.,]+\\s*[kmb]?\\s*(?:/\\s?|per |a |each )(?:month|mo)\\b|(?:\\$|€|£)\\s?[\\d.,]+\\s*[kmb]?\\s+monthly',
  're[budget|cap|ceiling]:\\$[\\d.,]+\\s*[kmb]?\\s*(?:budget|cap|ceiling)',
]);
export const TOKENS = new Concept('tokens', [
  'token budget*|max tokens|maximum tokens|max output tokens|max_tokens|output cap|context budget*|context limit*|context window*|tokens per request|tokens per query|tokens per turn|tokens per minute|tokens per task|tokens in|tokens out|input tokens|output tokens|prompt tokens|completion tokens|quota*|truncat*|prompt compression|prompt compression|summarised history|summarized history|rolling summary|token limit*|tokens/month|tokens/day|tokens/s|tokens per second',
]);
export const CACHING = new Concept('caching', ['cach*|memoi*']);
export const ROUTING = new Concept('routing', [
  'model rout*|router|cascade*|smaller model*|small model*|cheaper model*|lighter model*|distill*|tiered|tiers|tier 1|tier 2|llm tier|quantiz*|quantis*|fp8|int8|int4|batching|continuous batching|speculative decoding',
  // Escalating to a larger model is routing; escalating to a human is not.
  're[escalat*]:escalat\\w*\\s+(?:\\w+\\s+){0,3}?to\\s+(?:a\\s+|the\\s+)?(?:larger|bigger|stronger|more capable|frontier|premium|large|\\w+-tier|tier[- ]?\\d)\\b',
  're[smaller|cheaper|small|lighter|faster|distilled]:rout(?:e|es|ed|ing) (?:\\w+ ){0,3}?to (?:a |the )?(?:smaller|cheaper|small|lighter|faster|distilled)',
]);
export const LATENCY = new Concept('latency', ['latency budget*|time to first token|ttft|p50|p90|p95|p99|latency|timeout*|streaming|stream*']);
/** "Cost is not a concern", "no token limits": the bad commitment itself. */
export const UNLIMITED = new Concept('unlimited', [
  're[cost]:cost (?:is|isn[’\']t) (?:not )?(?:a |an )?(?:concern|issue|constraint|priority|problem)',
  're[unlimited|unbounded|uncapped]:(?:unlimited|unbounded|uncapped) (?:tokens|calls|usage|budget|context|requests)',
  // "we use the largest GPT model available for every step, including the rewrite": no call is sent to a smaller model.
  're[largest|biggest|capable|strongest|expensive]:\\b(?:largest|biggest|most capable|strongest|most expensive)\\s+(?:[\\w.-]+\\s+){0,3}?models?\\b[^.;]{0,80}?\\b(?:for|on|in|at) (?:every|each|all) (?:steps?|calls?|requests?|questions?|quer(?:y|ies)|turns?|stages?|tasks?)\\b',
  're[limit*|budget*|cap|caps]:no (?:token|cost|usage|spend) (?:limit|limits|budget|budgets|cap|caps)',
  're[worry|care]:(?:don[’\']t|do not|won[’\']t|will not) (?:need to )?(?:worry|care) about (?:cost|tokens|spend|latency)',
  're[regardless|whatever]:regardless of cost|whatever it costs',
]);

// ---- red-flag-failure-modes -------------------------------------------------------------------------------------

export const DETECTION = new Concept('detection', [
  'detect*|alert*|alarm*|monitor*|health check*|health-check*|healthcheck*|heartbeat*|probe*|dashboard*|paging|page on-call|pages on-call|page the|pages the|on-call|oncall|metric*|threshold*|slo|slos|error rate*|p50|p95|p99|lag|timeout*|times out|timed out|circuit breaker*|canary|audit*|sampled|watch*|observ*|track*|spike*|flag*|checks|checker*|check fails|check|post-check*|pre-check*|cross-check*|logged|counted|weekly review|daily review|reviewed weekly|reviewed daily|verif*|validat*|user report*|reports from users|complaint*|thumbs-down*|thumbs down|downvote*|down-vote*|anomal*|compare*|comparison',
  // Recorded and looked at: "logged, counted in the weekly review", "spot-checked daily".
  'logged|counted|review queue|weekly review*|daily review*|spot check*|spot-check*',
  're:[<>≥≤]\\s*\\$?\\d',
  're[above|below|exceed*|over|under|drop*|rise*|more|less|fall*|least]:(?:above|below|exceeds?|over|under|drops? below|rises? above|more than|less than|falls? below|at least)\\s+\\$?\\d',
  're[drop*|rise*|increase*|decrease*]:\\d+(?:\\.\\d+)?\\s*%\\s+(?:drop|rise|increase|decrease)',
]);
export const MITIGATION = new Concept('mitigation', [
  'fall back|fallback*|falls back|fail over|failover|fails over|fail-over|fail open|fail closed|retry|retries|retried|degrade to|degrades to|degraded mode|graceful* degrad*|degrade gracefully|serve cached|serves cached|serve from cache|served from cache|cached answer*|cached result*|serve stale|serve the last|serves the last|keep serving|keeps serving|circuit breaker*|shed*|load shedding|enqueue*|requeue*|queue and retry|queued|buffer*|roll back|rollback*|rolls back|revert*|reroute*|re-route*|route to|routes to|routed to|shift traffic|shifts traffic|switch to|switches to|autoscal*|auto-scal*|scale out|scales out|scale up|scales up|replica*|redundan*|rate limit*|backoff|back-off|throttl*|skip*|return cached|returns cached|return partial|returns partial|partial results|refus*|decline*|block*|stop*|pause*|hand back|hand off|hands off|escalat*|human review|manual*|re-index*|reindex*|re-embed*|rebuild*|restart*|resume*|checkpoint*|default features|default response*|use defaults|defaults to|last good|previous model|previous version|reject*|restore*|backup*|promote*|evict*|admission control|tombstone*|retrain*|emergency|kill switch|disable*|turn off|mitigat*|recover*|isolat*|warm pool|request a|re-upload|say*|show*|apolog*|"i don\'t know"|i don’t know|i do not know|popular items|keyword search|search results|smaller model|second model|another model|backup model|other region*|second region|multi-region|cross-region|dead-letter|dead letter|idempot*|dedup*|replace*|banner*',
  'cached value*|last cached|last known*|cached copy|keeps last|keep last|uses the last|use the last|use yesterday*|uses yesterday*|yesterday\'s|last month\'s|previous day\'s|marked with their age|marked stale|marked as stale|safe default*|conservative default*|lowest limit*|rather than failing|instead of failing|still applied|still works|old way|asked to upload|asks the user to|gives the|offers the|buffered|written when back',
  // A holding answer in place of the real one: "the bot answers with a fixed message and a link", "today's templated message".
  'fixed message*|fixed reply|fixed replies|fixed answer*|canned|static message*|holding message*|templated message*|template message*|standard message*',
  // …or written out: 'bot sends "Please contact reception"', 'guest gets "reception will confirm shortly"'.
  're[sends|send|says|replies|answers|shows|show|gets|get|displays]:\\b(?:sends?|says|replies|answers|shows?|gets?|displays?)\\s+(?:a\\s+|the\\s+)?["“]',
  // …or passed on: "the conversation is forwarded to the reception inbox", "the task is sent by email to reception".
  'forwarded to|forwards to|forward to|sent by email|by email to|by e-mail to|routed to a human|routed to an agent|route to agent|route to an agent|routed to support|routed to reception',
  // Handing the work to people or doing with less: "second failure → handoff", "re-queues the ticket", "last week's list reissued",
  // "outcomes recorded on paper forms", "waits up to 24 h, then runs on what arrived", "offers the next two slots".
  'handoff*|handed off|handover|hand over|hands over|handed over|re-queue*|re-read*|re-check*|re-tr*|reissu*|re-issu*|paper form*|on paper|read-only|waits up to|wait up to|what arrived|next available|next free|next two|next slot*|offers the next|offer the next',
]);
/** Words that say something breaks (a prose failure-mode entry). */
export const FAILURE = new Concept('failure', [
  // "Thumbs-down" is a reader's verdict, not a component down.
  're[down]:(?<!thumbs[- ]|up\\s?\\/\\s?)\\bdown\\b(?![- ]?vot)',
  'fail*|outage*|unavailable|timeout*|times out|slow*|crash*|error*|broken|break*|stale|lag*|overload*|spike*|drift*|leak*|wrong|incorrect|hallucinat*|corrupt*|lost|loss|exhaust*|backlog*|regress*|degrad*|misses|miss',
]);

// ---- diagram-text -----------------------------------------------------------------------------------------------

/**
 * Components an architecture text names specifically enough that a reader expects to see them drawn: named
 * products and multi-word building blocks (a lone "cache" or "queue" is often a property, not a box).
 */
export const COMPONENTS = new Concept('components', [
  'api gateway|load balancer|reverse proxy|message queue|event bus|event stream|kafka|kinesis|pub/sub|pubsub|sqs|rabbitmq|redis|memcached|postgres|postgresql|mysql|dynamodb|cassandra|bigtable|spanner|mongodb|elasticsearch|opensearch|solr|vector database|vector db|vector index|vector store|pinecone|milvus|weaviate|qdrant|pgvector|faiss|feature store|feast|model registry|mlflow|data warehouse|bigquery|snowflake|data lake|object storage|object store|blob storage|airflow|kubeflow|flink|spark|triton|vllm|kserve|seldon|bentoml|sagemaker|vertex ai|bedrock|embedding service|rules engine|policy engine|moderation service|rate limiter|auth service|identity provider|tool router|tool registry|approval service|memory store|session store|prometheus|grafana|otel collector|notification service|case management|review queue|labeling tool|annotation tool|experiment tracker|experimentation platform|semantic cache|response cache|prefix cache|feature service|ranking service|scoring service|inference server|model server',
]);
