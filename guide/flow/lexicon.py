"""The safety lexicon: the words that mean someone may be in danger now.

Every flow with an escape gets it: typed at a question, a name prompt or a
"go on" step, words that match here take the flow's escape at once (see
`guide.flow.crisis`, which reads this file). It is English; a flow in another
language adds its own words as aliases of its escape.

How to propose a phrase
-----------------------
1. Write the phrase as people type it into `tests/flow/crisis_phrases.txt`,
   under its category if it must reach the emergency advice, under
   `[ordinary]` if it must not, and run `pytest tests/flow/test_crisis.py`:
   a new miss or false alarm fails.
2. Add the shortest pattern that catches it to one category of `LEXICON`, or
   the idiom that should not alarm to `IDIOMS`; run the tests again.
3. Say in the commit why the phrase matters; have a second person read it.

How patterns read
-----------------
Each pattern is a regular expression over the text as `crisis.normalise`
leaves it: lower case, words split by single spaces, no apostrophes ("he's"
is `hes`, "can't" and "cannot" are `cant`, "does not" is `doesnt`, "no one"
is `nobody`, "any more" is `anymore`), a `|` where a sentence or clause
broke (full stop, comma, "and", "but"...). Common misspellings are mended
first (`TYPOS`, and `FUZZY` for a few long words). A pattern matches whole
words only. `{obj}`, `{self}`, `{they}`, `{theyre}`, `{said}` are short for
the groups in `MACROS`. Keep alternatives bounded (`(?:\\w+ ){0,3}`, never
`.*`): the matcher's cost must stay linear in the text.

Negation: a match is dropped when "not", "never", "didn't", "nobody"... stand
in the three words before it, in the same clause ("he is not badly hurt",
"no one is in danger"). Uncertainty is not negation: "not sure if", "don't
know whether", "no idea if" keep the match, and so do "won't stop", "never
thought", and "no" followed by "he", "she"... ("no he collapsed"). When the
words of danger contain the negation, the pattern holds it ("not
breathing", "can't go on", "don't want to live").

Decisions, for review
---------------------
- Self-harm words always alarm, even in jest ("I could kill myself"): a
  false alarm costs a tap on Back, a miss may cost a life.
- "Kill me" with no threat in it is an idiom ("my boss will kill me", "kill
  me now"); "he said he'd kill me", "she threatened to hurt him", "he's going
  to kill her" are threats.
- Generic "threatening me", "abusive", "attacking me personally" are a
  contact-centre agent's everyday answers (a flow option covers them); only
  threats of harm, violence done, weapons and intruders alarm.
- Arguments and shouting are not danger ("we had a fight", "screaming at
  me"); screaming on its own, or for help, is.
- "Said goodbye" is how calls end; a goodbye alarms with finality in it
  ("goodbye forever", "this is goodbye", "when I'm gone").
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Literal

Category = Literal["self-harm", "goodbye", "medical", "violence", "fire", "drunk-driving", "danger"]

MACROS = MappingProxyType(
    {
        "obj": r"(?:me|him|her|them|us|someone|somebody|the kids|the children|the baby|{kin})",
        "kin": r"(?:my|his|her|their|our) (?:mum|mom|mother|dad|father|wife|husband|partner|girlfriend|boyfriend|sister|brother|son|daughter|kids?|children|baby|friend|nan|gran|grandma|grandad|grandpa|family)",
        "self": r"(?:myself|himself|herself|themselves|themself|yourself|ourselves|hisself)",
        "they": r"(?:he|she|they|someone|somebody|my \w+)",
        "theyre": r"(?:hes|shes|theyre|someones|somebodys|(?:he|she|they|someone|somebody) (?:is|was|are|were))",
        "said": r"(?:said|says|saying|told (?:me|us|her|him)|swore|texted|wrote|threatened|threatening|threatens)",
        "would": r"(?:hed|shed|theyd|hell|shell|theyll|(?:he|she|they) (?:would|will|was going to|is going to|were going to))",
        # what may follow "can't go on" and stay ordinary ("can't go on the trip")
        "stop": r"(?! (?:the|a|an|to|at|my|his|her|their|our|your|holiday|vacation|air|stage|camera|tv|radio|calls?|dates?|trips?|breaks?|leave|about|there|back|round|over|with)\b)",
    }
)

# Words of people and of their things: "he said he'd hurt her", not "it hurt".
LEXICON: dict[Category, tuple[str, ...]] = {
    "self-harm": (
        r"suicid\w*",
        r"kill(?:ing|ed|s)? {self}",
        r"(?:end|ending|ended|ends) it all|(?:end|ending|ended|take|taking|took|takes) (?:my|his|her|their) (?:own )?life(?! savings| story| insurance)",
        r"(?:want|wants|wanted|wanting|going) to (?:die|be dead|end it all|not be here|disappear forever)",
        r"(?:dont|doesnt|didnt) want to (?:live|be alive|exist|wake up|be here (?:anymore|any longer))",
        r"(?:dont|doesnt) want to go on{stop}",
        r"(?:should just|might as well|hope i|let me) die",
        r"better off (?:dead|without (?:me|him|her|them))|better off (?:if|when) (?:i|he|she|they) (?:was|were|is|are) (?:dead|gone)",
        r"wish(?:es|ed)? (?:i|he|she|they) (?:was|were) (?:dead|never born)",
        r"not (?:be|being) (?:here|around|alive) (?:anymore|any longer)|(?:nobody|no one) (?:would|will|is going to|d) (?:even )?miss (?:me|him|her|them)",
        r"wish(?:es|ed)? (?:i|he|she|they) (?:wasnt|werent) (?:here|alive|around)",
        r"cant (?:go on|carry on|keep going){stop}|cant live like this|cant cope (?:\w+ ){0,2}(?:anymore|any longer)",
        r"cant (?:do|take|handle|face|bear|stand)(?: (?:this|it|life|everything|any of this))? (?:anymore|any longer|no more)",
        r"(?:no|nothing|not any) (?:reason|point|left)(?: (?:to|in))? (?:live|living|going on|carry on|carrying on)(?! about| with)",
        r"nothing (?:left )?to live for|(?:not|isnt|no longer) worth living",
        r"(?:given|giving|gave|give) up on (?:life|living|everything)",
        r"(?:whats|what is|theres no|there is no) (?:the )?point (?:of|in) (?:living|going on|anything|life)",
        r"self harm\w*|self injur\w*",
        r"(?:harm|hurt|cut|burn|starv)(?:s|ed|ing|ting)? {self}|hung {self}|hang(?:s|ed|ing)? {self}",
        r"(?:cut|cutting|slit|slitting) (?:my|his|her|their) (?:wrists?|arms?|legs?)",
        r"threat\w* to jump|(?:going|wants?|about) to jump(?! (?:on|in|into|ship|the gun|ahead|back|at|to|through|up))|end it (?:tonight|today|now)",
        r"(?:im|hes|shes|i am|he is|she is|feels?|feeling|felt) (?:so |totally |completely |just )?worthless|do something (?:stupid|to {self})",
        r"(?:cant|doesnt|dont|couldnt) see (?:the|any) point(?: (?:of|in) (?:living|anything|going on|life))?(?: anymore| any longer)",
        r"jump(?:s|ed|ing)? (?:off|from) (?:a|the|his|her) (?:bridge|roof|building|cliff|balcony|window)",
        r"(?:jump|step|walk|throw|threw|lie|lay)\w* (?:{self} )?(?:in front of|under) (?:a|the) (?:train|bus|lorry|truck|car)",
        r"(?:im|hes|shes|i am|he is|she is|just) a burden|burden (?:to|on) (?:everyone|everybody|us|you|them|the family)",
    ),
    "goodbye": (
        r"(?:good)?bye (?:forever|for good|for ever|for the last time)",
        r"(?:final|last|one last) goodbye|this is goodbye|goodbye (?:note|letter)|farewell (?:note|letter)",
        r"(?:said|say|saying) goodbye (?:\w+ ){0,4}(?:last time|forever|for good)",
        r"last time (?:youll|you will|you) (?:ever )?(?:hear|see)",
        r"(?:never|wont ever|will never|wont) (?:hear from|see|talk to|speak to) me again",
        r"wont be (?:around|here|alive) (?:much longer|anymore|for long|after tonight)",
        r"(?:wont|will not) (?:have to )?(?:worry|bother) about (?:me|him|her) (?:anymore|again|much longer)",
        r"(?:wont|will not) be a (?:problem|burden) (?:anymore|much longer|for long|to anyone)",
        r"(?:when|after|once) (?:im|i am|hes|shes|he is|she is) gone(?! (?:to|for|on|out|away|home|back|off|shopping))",
        r"(?:said|told me|says) (?:that )?(?:i|we|you) (?:\w+ )?(?:wouldnt|wont|will never|would never|never) (?:ever )?(?:see|hear from) (?:him|her|them) again",
        r"sorry for everything(?! (?:he|she|i|they|we) (?:said|did))",
        r"(?:gave|giving|given|give) away (?:all )?(?:of )?(?:his|her|their|my) (?:stuff|things|belongings|possessions|pets?)",
        r"(?:giving|gave|given|give) (?:all )?(?:his|her|their|my) (?:stuff|things|belongings|possessions) away",
    ),
    "medical": (
        r"chest (?:pain|pains|hurts?|hurting|is (?:tight|hurting|sore|heavy)|tightness|feels (?:tight|heavy))",
        r"(?:pain|pains|tightness) in (?:my|his|her|their|the) chest",
        r"heart attack|cardiac|(?:heart|pulse) (?:has )?stopped|no pulse|strokes?",
        r"(?:not|isnt|wasnt|arent|stopped|stops|no longer|cant|couldnt|barely|hardly|struggling to|struggles to|struggled to|trouble|difficulty|hard time|problems) breath(?:e|es|ing|ed)?",
        r"(?:if|whether|dont think|doesnt look like) {theyre} (?:still )?breathing|breathing (?:funny|weird|strange|strangely|oddly|badly)|shallow breath\w*",
        r"short of breath|(?:cant|couldnt) (?:catch|get) (?:my|his|her|their) breath|gasping|(?:turning|turned|gone|lips) blue",
        r"chok(?:e|ed|es|ing)",
        r"collaps(?:e|ed|es|ing)|pass(?:ed|ing)? out|black(?:ed|ing) out|keeled over",
        r"faint(?:ed|ing)|(?:feel|feels|felt|feeling|going to|might|about to) faint",
        r"unconscious|unresponsive|(?:wont|cant|couldnt) wake (?:\w+ )?up|went limp",
        r"(?:{theyre} not|{they} (?:isnt|wasnt|arent)) (?:moving|waking up|conscious)",
        r"(?:fell|fallen|falls|falling)(?! out(?! of))|(?:a|bad|nasty|had a|took a|has had a) fall|fall (?:over|down|off)",
        r"dizz(?:y|iness|ie)|light ?headed|vertigo|(?:room|head|everything) (?:is |was )?spinning",
        r"slurr(?:ed|ing)|(?:speech|words) (?:is |was |were |are |sounded |sounds )?(?:garbled|jumbled|all wrong|not right)|face (?:is |was )?droop\w*|droopy face|face (?:looks|looked|is|was|went) (?:weird|funny|strange|lopsided|numb)",
        r"overdos\w*|od|(?:took|taken|swallowed) too many",
        r"(?:took|taken|swallowed) something(?! (?:from|of|out|back|off|away|to|for|with|home|in|up))",
        r"(?:took|taken|swallowed|swallowing|downed|popped|ate|eaten) (?:\w+ ){0,4}(?:pills|tablets|painkillers|paracetamol|tylenol)",
        r"(?:going to|gonna|wants? to|threaten\w* to) (?:take|swallow) (?:\w+ ){0,3}(?:pills|tablets|painkillers|meds)",
        r"(?:bottle|bunch|handful|load|lot|lots|box|packet|pack)s? of (?:pills|tablets|painkillers|meds)|empty (?:pill|medicine) bottles?",
        r"all (?:of )?(?:his|her|my|their) (?:pills|tablets|meds|medication)|too many (?:pills|tablets)|too much (?:medication|medicine|insulin)",
        r"^(?:pills|tablets)$",
        r"poisoned|poisoning|(?:drank|swallowed|took) (?:poison|bleach)",
        r"bleed(?:ing|s)?|bled|(?:a lot of|lots of|so much|covered in|pool of|coughing up|coughing) blood|blood everywhere",
        r"seizures?|seizing|convuls\w*",
        r"allergic reaction|anaphyla\w*|(?:throat|tongue|lips?) (?:is |was |are )?(?:swelling|swollen|closing)",
        r"(?:hit|banged|bumped|cracked|smashed) (?:his|her|my|their) head|head (?:injury|wound)|knocked (?:{self} )?(?:out|unconscious)",
        r"(?:broke|broken|snapped) (?:his|her|my|their) (?:hip|leg|arm|neck|back|ribs?|wrist|ankle)",
        r"cant get up(?! early| in the morning)|cant move (?:his|her|my|their) (?:arm|leg|side|face)|(?:arm|face|side|leg) (?:is |went |feels )?numb",
        r"in (?:so much |a lot of |terrible |severe |unbearable |real )?(?:pain|agony)",
        r"dying|(?:{they}|he|she) (?:might|could|is going to|will) die|(?:hes|shes|theyre|he is|she is|they are) dead(?! to| tired| serious| set| against| right| wrong| keen| quiet| beat| broke| on)",
        r"car (?:accident|crash)|crash(?:ed)? (?:his|her|their|the|my) car|crash(?:ed)? into|hit by (?:a|the) (?:car|bus|truck|lorry|van|train|bike)",
        r"(?:been|was|were) in (?:an|a) (?:accident|crash)|had (?:an|a) (?:bad )?(?:accident|crash)",
        r"(?:badly|seriously|really badly|very badly|got|gets|getting|been) (?:hurt|injured|wounded)|injur(?:ed|y|ies)|wounded",
        r"{theyre} (?:hurt|injured|wounded)|^(?:hurt|injured)$",
    ),
    "violence": (
        r"(?:hit|hits|hitting|smacked|slapped|slapping|punched|punching|punches|kicked|kicking|beat|beating|beats|strangl\w*|shoved|threw (?:\w+ ){0,2}at) {obj}",
        r"(?:hurt|hurts|hurting) (?:me|her|him|them|us|the kids|the children|the baby)",
        r"(?:pushed|pushing|grabbed|grabbing) {obj} (?:down|over|against|by the)",
        r"(?:got|been|was|were|being|is|get|getting) (?:hit|punched|kicked|beaten|stabbed|shot|attacked|assaulted|mugged|strangled)",
        r"beaten up|beat (?:\w+ )?up|(?:fist|physical) ?fight|got physical|getting physical|came to blows",
        r"attack(?:ed|ing|s)? {obj}|attacker|assault\w*|raped?|rapist|mugged|robbery|gunpoint|knifepoint",
        r"stab(?:bed|bing|s)?|knife|knives|guns?|gunshots?|shots fired|shooting|shoot(?:s)? {obj}|shot (?:at )?{obj}|weapons?|armed",
        r"{said} (?:\w+ ){0,3}(?:kill|hurt|harm|stab|shoot|beat|hit|burn)s? {obj}",
        r"threat\w* (?:\w+ ){0,2}(?:to )?(?:kill|hurt|harm|stab|shoot|beat|hit|burn)",
        r"death threats?|threat\w* to (?:come|turn up|show up) (?:over|round|here|there)",
        r"{theyre} (?:going to|trying to) (?:kill|hurt|stab|shoot|hit|beat|strangle) {obj}",
        r"{they} (?:tried|try|tries) to (?:kill|hurt|stab|shoot|strangle|choke) {obj}|{would} (?:kill|hurt|stab|shoot) {obj}",
        r"break(?:s|ing)? in(?:to)?|broke in(?:to)?|broken into|burglar\w*|intruder|prowler",
        r"(?:a man|a guy|a stranger|strangers|an intruder) (?:is |was |s )?(?:in|inside) (?:the|my|her|his|their) (?:house|home|flat|apartment|bedroom)",
        r"outside (?:the|my|her|his|their) (?:bedroom )?window",
        r"trying to (?:get|break) in(?! (?:touch|contact|on|with|the|a|line|first|there|early|before|to|time)\b)",
        r"trying to (?:get|break) into (?:the|my|her|his|their) (?:house|home|flat|room|apartment|bedroom)",
        r"(?:banging|pounding|kicking|hammering|smashing) (?:on |at |in |down )?(?:the|my|her|his|their) (?:door|window)s?",
        r"(?:someone|somebody|a man|a guy|a stranger|a car) (?:is |was |s )?follow(?:ing|ed) {obj}",
        r"(?:scream\w*|shout\w*|yell\w*|cry\w*|crying out|call\w*|begg\w*) for help",
        r"scream(?:ing|ed|s)?|shrieking",
        r"domestic (?:abuse|violence)|violent|violence|kidnap\w*|abduct\w*|hostage|held against (?:his|her|their|my) will|locked (?:me|her|him|them) in",
    ),
    "fire": (
        r"fires?|on fire|caught fire|set fire|ablaze|flames?",
        r"smoke (?:everywhere|coming|pouring|alarm|detector|filling)|smoke (?:in|from) the|(?:smell\w*|see|saw|seeing|full of|lots of|so much|thick|black) smoke|smoky",
        r"(?:smell\w*|something(?: is| s)?) burning|burning smell|burning (?:down|house|building)|(?:house|kitchen|flat|building|car) (?:is |was )?burning",
        r"explosion|explode[ds]?|gas leak|(?:smell\w*|smelt) (?:of )?gas|carbon monoxide",
    ),
    "drunk-driving": (
        r"(?:drunk|drink|drinking|under the influence|intoxicated|hammered|plastered|stoned|had (?:a few|some|too many) drinks|over the limit) (?:\w+ ){0,6}(?:driv\w*|drove|behind the wheel|get(?:ting)? in (?:the|his|her|a) car|car keys)",
        r"(?:driv\w*|drove|behind the wheel) (?:\w+ ){0,4}(?:drunk|drinking|intoxicated|under the influence|hammered|plastered|stoned|over the limit|after (?:a few|drinks|drinking))",
        r"(?:driv\w*|drove) (?:while|when) high|dui|dwi",
    ),
    "danger": (
        r"(?:scared|afraid|frightened|fear|fearing|terrified|worried) for (?:my|his|her|their|our) (?:life|lives|safety)",
        r"emergency|emergencies|danger|dangerous|unsafe|(?:not|isnt|wasnt|arent|dont feel|doesnt feel|didnt feel) safe",
        r"ambulance|paramedics?|(?:call\w*|ring\w*|phon\w*|dial\w*) (?:an? )?(?:911|999|112|the police|the cops|police|emergency services)",
        r"police (?:came|are coming|were called|are here|on the way)|^police$",
    ),
}
"""Category → patterns. The first category with a match names the danger."""

# Idioms: a match that lies wholly inside one of these is not a crisis.
IDIOMS: tuple[str, ...] = (
    # things, not people, that die, fall, crash or go dead
    r"(?:phone|battery|signal|call|line|connection|conversation|mobile|cell|laptop|charger|wifi|internet|network|reception|screen|app|system|server|computer|car|plant|trend|deal|sale|sales|rate|numbers|figures|prices?|plans?|talks|market|business|company|project|economy|relationship|marriage|roof|tent|bridge|power|lights?|tv) (?:\w+ )?(?:dying|died|dead|die|dies|collaps\w*|fell|fall|falls|fallen|falling|crashed|exploded|blacked out|went dead)(?: over| down| off| apart)?",
    r"(?:a|the) (?:\w+ )?fall in (?:the )?(?:sales|calls|numbers|rate|rates|prices?|volume|demand|revenue|abandonment|figures|bookings)",
    r"(?:phone|battery) (?:\w+ ){0,2}about to die|dying (?:to|for|down|breed|art|inside|laughing|here)|dying of (?:laughter|embarrassment|boredom|curiosity|shame|thirst|hunger|cringe)",
    r"die of (?:laughter|embarrassment|boredom|curiosity|shame|cringe)|dead (?:tired|serious|set|against|right|wrong|on time|keen|quiet|beat|broke|end|air|line|battery|to me|to the world|zone|spot)",
    r"(?:fell|fallen|falls|falling|fall) (?:asleep|apart|through|for|behind|silent|quiet|flat|short|back|into place|in love|on deaf ears|out|off the (?:call|line|radar|meeting|zoom|wagon|map)|under|within|to (?:me|us|you|him|her|them)|on (?:a|the) (?:weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|day|date))",
    r"(?:fell|fallen|falls|falling) into (?:a|the|my|his|her|old) (?:trap|habit|habits|pattern|routine)|(?:in|this|last|next) fall",
    r"i (?:\w+ )?choked|chok(?:e|ed|es|ing) (?:up|back)|choked (?:on|during|in) (?:the|that|this|a|my) (?:call|pitch|meeting|interview|close|presentation|exam|question)",
    r"collaps\w* (?:of|in) (?:the )?(?:deal|talks|sale|market|relationship|marriage)|collaps\w* (?:in|with) (?:laughter|giggles)|collaps\w* (?:on|onto|into) (?:the |my |his |her )?(?:sofa|couch|bed)",
    r"(?:screen|power|phone|lights?|tv|monitor|area) (?:\w+ )?blacked out|passed out (?:the|some|leaflets|flyers)|pass out (?:the|some|leaflets|flyers)",
    r"my heart (?:\w+ )?(?:stopped|sank|skipped)|stroke (?:of|the|his|her)|strokes? of|breath\w* a word|not breathing down|gasping for (?:a|some) (?:drink|tea|coffee|pint|smoke|cigarette)",
    r"bleed\w* (?:money|cash|customers|clients|calls|subscribers|talent|staff|points|red|us dry|me dry)|bleeding (?:idiot|hell|cheek|obvious|thing|phone|nuisance|heart)",
    r"seiz\w* (?:the|this|that|an|every) (?:moment|opportunity|chance|day|initiative)|seizing up|knocked out of (?:the )?(?:competition|tournament|cup|running)",
    r"crash\w* into (?:bed|the meeting|the call|sleep)|(?:i|i was|im|ive|i have|i had|i got|i get|i felt|i feel|felt|feel|feeling|feelings|sounded|sounds|looked) (?:\w+ ){0,2}(?:hurt|wounded)",
    r"(?:{theyre} |(?:\w+ ){0,2})(?:hurt|injured|wounded) (?:by|that|because|about|when|before)|hurt (?:my|his|her|their|our|your) (?:feelings|pride)",
    r"(?:it|that|this|which) (?:really |kind of |so )?(?:hurt|hurts) {obj}|hurt {obj} (?:feelings|to hear|so much|deeply|a lot)",
    r"hit(?:s|ting)? {obj} up|hit {obj} with (?:a|an|the|his|her) (?:question|objection|price|quote|bill|story|news|request|complaint|offer|list|lot)\w*",
    r"(?:it|that|this|reality|then it) (?:really |suddenly |finally )?hit {obj}|(?:got|get|was|been) shot down|(?:got|was|been) hit (?:hard|with|by (?:the|a) (?:news|bill|charge|fee|fine|price|tax|cut))",
    r"kick(?:ed|ing|s)? {obj} (?:off|out)|(?:got|get|was|been) kicked (?:off|out)|(?:was|got|been|getting) beaten (?:at|in|to)|beat(?:ing|s)? {obj} (?:to it|to the|at)|beat(?:ing|s)? {self} up",
    r"attack\w* {obj} personally|personal(?:ly)? attack\w*|(?:felt|feel|feeling|feels) attacked|verbally attack\w*|panic attack",
    r"(?:a|the) stab (?:at|in the dark)|(?:take|have|took|had) a stab|stab\w* (?:{obj} )?in the back|cut (?:the )?(?:tension|atmosphere) with a knife|knife edge",
    r"jump\w* the gun|stick\w* to (?:my|his|her|your|our|their) guns|big guns|top gun|under the gun",
    r"shooting (?:the breeze|for|star|(?:a|the|an) (?:video|film|scene|ad|advert|photo|podcast))|shoot(?:s|ing)? {obj} (?:a|an|now)|shot {obj} (?:a|an)|armed with",
    r"kill\w* {self} (?:laughing|with laughter)|(?:career|social|political|commercial|professional) suicide|suicide (?:squad|mission|run|doors?|sprints?|drills?)",
    r"kill {obj} when \w+ (?:finds? out|sees?|hears?|gets? home)|kill {obj} for (?:being late|forgetting|this|that|missing)",
    r"(?:burn|burned|burnt|burning) {self} out|cut\w* {self} off",
    r"(?:a|the|short|quick|lunch|coffee) break in|break\w* into (?:(?:a|the|new) ){0,2}(?:market|sales|industry|song|smile|laugh|tears|sweat|career)|broke in (?:on|with)",
    r"scream\w* (?:\w+ ){0,4}(?:at|with) (?:me|us|him|her|them|each other)|(?:customer|caller|client|prospect|boss|manager)s? (?:\w+ ){0,2}scream\w*|screaming match|(?:kids?|baby|babies|children|toddlers?|child|dog) (?:\w+ ){0,3}scream\w*|scream\w* (?:kids?|baby|children|toddlers?)",
    r"(?:want\w*|wanted|could|made me want) to scream|for help with",
    r"putting out fires|put out (?:a |some |another )?fires? at work|fire alarm (?:test|testing|check)|fire (?:away|drill|exit|sale|off|back|up|in (?:my|his|her) belly|and forget)|under fire|line of fire|hire and fire|playing with fire|sure fire|fire ?fight\w*|fuel (?:to|on) the fire|fight fire with fire|ball of fire",
    r"(?:im|i am|i was|were|we are|we were|youre|you are) on fire|on fire (?:today|tonight|lately|this week|this month)|set the world on fire",
    r"(?:to|will|would|gonna|could|might|going to|wants to|threatened to|can|cant|just|should|did|didnt) fire (?:me|him|her|them|you|us|someone|somebody|people|staff|agents?|the \w+)|fires (?:people|staff|agents?|someone|somebody|anyone|employees|workers)",
    r"explod\w* (?:at|with)|explosion (?:of|in) (?:calls|complaints|demand|volume|interest)",
    r"driv\w* (?:me|him|her|us|them) (?:crazy|mad|nuts|insane|up the wall|round the bend|to drink)",
    r"emergency (?:meeting|exit|contact|brake|fund|budget|plan)|danger of (?:losing|missing|failing|being late|going over)|dangerous (?:game|territory|ground|precedent|idea)|safe to (?:assume|say)",
)
"""Everyday phrases that contain a crisis word and mean no danger."""

# fmt: off
TYPOS: dict[str, str] = {
    # misspellings people type; a value may be two words
    "breating": "breathing", "breathin": "breathing", "brething": "breathing",
    "breathng": "breathing", "breahting": "breathing", "breth": "breath",
    "bleading": "bleeding", "bleedin": "bleeding", "bleding": "bleeding",
    "ovedose": "overdose", "overdoze": "overdose", "overdosd": "overdosed",
    "pils": "pills", "pillz": "pills", "tablts": "tablets",
    "stabed": "stabbed", "stabbin": "stabbing",
    "atacked": "attacked", "attaked": "attacked", "attacted": "attacked",
    "dizy": "dizzy", "dizzey": "dizzy",
    "sluring": "slurring", "slurin": "slurring", "slurrin": "slurring", "slured": "slurred",
    "siezure": "seizure", "siezures": "seizures", "seisure": "seizure",
    "drunck": "drunk", "drivin": "driving", "drivng": "driving", "driveing": "driving",
    "goodby": "goodbye", "gudbye": "goodbye", "goodbuy": "goodbye",
    "himslef": "himself", "herslef": "herself", "myslef": "myself", "themselfs": "themselves",
    "kil": "kill", "kiled": "killed", "killin": "killing",
    "screamin": "screaming", "screming": "screaming", "sceaming": "screaming",
    "chokin": "choking", "chocking": "choking", "choaking": "choking", "fallin": "falling",
    "injurd": "injured", "hurted": "hurt", "smoak": "smoke",
    "emergancy": "emergency", "emergecy": "emergency", "emergeny": "emergency",
    "chestpain": "chest pain", "heartattack": "heart attack", "selfharm": "self harm",
    # short forms, so patterns need one spelling
    "wanna": "want to", "gonna": "going to", "gotta": "got to",
    "cannot": "cant", "cnt": "cant", "carnt": "cant", "anymor": "anymore", "nomore": "no more",
    "noone": "nobody", "u": "you", "ur": "your", "n": "and", "ppl": "people",
    "cuz": "because", "coz": "because", "bc": "because", "tho": "though",
}
"""Word → word: typing slips and short forms mended before matching."""

FUZZY: tuple[str, ...] = (
    "suicide", "suicidal", "unconscious", "unresponsive", "ambulance", "overdosed",
    "overdosing", "collapsed", "collapsing", "threatened", "threatening", "paramedics",
    "seizure",
)
# fmt: on
"""Long words caught one slip away ("suicdie", "unconcious"). Only words with no
everyday neighbour belong here: "bleeding" is one slip from "bleeping",
"attacked" from "attached", "screaming" from "streaming"."""
