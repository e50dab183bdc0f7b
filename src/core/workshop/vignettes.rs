//! The workshop's vignettes: fictional cases written for Anchorpoint, told as a link
//! worker would tell them at the end of a day. Every person, practice and group in them
//! is made up. Each names the built-in tags a facilitator would expect (by id, checked
//! by the tests), its facilitator notes and its discussion questions. Kept in one list
//! so the trainer sees them in the order they build on each other: holding first, then
//! the judgement calls, the anchor point, and last where the worker sits in the practice.

use super::Vignette;
use crate::core::tags::Embeddedness;

pub static VIGNETTES: &[Vignette] = &[
    Vignette {
        id: "nowhere-to-send-her",
        title: "Nowhere to send her",
        summary: "A bereaved woman, a closed waiting list, and no group within reach.",
        story: &[
            "Maureen is 78. Her husband died in the spring and the GP referred her to me because she keeps coming in with chest pains that the tests say are not her heart. She cries in every appointment and says the house is too quiet.",
            "I looked for bereavement support. The local service closed its waiting list in August. The nearest bereavement group meets on the other side of the county, two buses away, and Maureen has stopped going out after dark. There is a lunch club, but she says she is not ready to sit with strangers.",
            "So we agreed I would ring her every fortnight until the waiting list reopens. Today was the fourth call. She told me about their wedding day for twenty minutes. I am not sure what I am for at this point, but she said the calls are the thing she looks forward to.",
        ],
        suggested_tags: &[
            "holding-waiting",
            "holding-witness",
            "driver-no-provision",
            "anchor-presence",
            "barrier-structural",
            "wellbeing-load",
        ],
        embeddedness: None,
        facilitator_notes: &[
            "This is holding in its plainest form: the link worker has become the support because there is no service to refer to. The driver is no community provision, and the function is supporting someone while they wait, with some bearing witness to grief along the way.",
            "Listen for how the trainee describes their own role. \u{201c}I am not sure what I am for\u{201d} is common: holding is vital but often overlooked, and workers can read it as failing to refer. The research names it as real support, and also notes that it can slide into dependency. Both readings deserve a hearing.",
            "A good reflection notices the structural barrier (a closed waiting list is a system problem, not Maureen's) and what the calls cost the worker. It does not need her name: \u{201c}a bereaved woman in her seventies\u{201d} is enough for learning.",
        ],
        questions: &[
            "What would show that Maureen is ready for the lunch club, and who decides?",
            "How long could you keep up fortnightly calls with twenty people like Maureen?",
            "Where would you record that the bereavement service's list is closed, so that it reaches commissioners?",
        ],
    },
    Vignette {
        id: "can-you-have-a-word",
        title: "\u{201c}Can you have a word with him?\u{201d}",
        summary: "A GP asks the link worker to take a frequent attender off the clinic list.",
        story: &[
            "Dr Whitlock stopped me in the corridor between patients. Mr Okafor has been in six times this month, mostly about letters from the council. \u{201c}It isn't medical, can you have a word with him?\u{201d} He added him to my list there and then, without a referral form.",
            "I saw Mr Okafor the same afternoon. He is being moved out of temporary accommodation and does not understand the letters. I read them with him, rang the housing officer while he was in the room, and we wrote down what happens next. He has not booked a GP appointment since.",
            "I did not say no to Dr Whitlock, and I am glad I didn't. But it is the third corridor referral this month, and my own waiting list is now five weeks.",
        ],
        suggested_tags: &[
            "md-staff",
            "holding-easing-load",
            "driver-protecting-staff",
            "boundary-stretched",
            "barrier-structural",
            "wellbeing-caseload",
        ],
        embeddedness: Some(Embeddedness::FittingIn),
        facilitator_notes: &[
            "The judgement call here is with practice staff: taking a request outside the usual route. It built goodwill with the GP and it helped the patient. The research finds exactly this pattern, micro-discretions that build buy-in and raise job satisfaction but, without boundaries, put the worker at risk.",
            "The holding is driven by protecting healthcare staff from non-medical needs, and its function is easing clinicians' load. That is a legitimate part of the role; the question is whether it is seen and counted, or simply absorbed.",
            "On embeddedness, the worker is fitting in: shaping what they deliver so the practice can accommodate it. Ask what it would take to move from corridor referrals to an agreed route, which is one of the signs of belonging.",
        ],
        questions: &[
            "What did saying yes buy you, and what did it cost the people already on your waiting list?",
            "How could you raise corridor referrals with the practice without losing the goodwill?",
            "Which parts of this would you bring to supervision, and under which of Proctor's three functions?",
        ],
    },
    Vignette {
        id: "nothing-to-fix",
        title: "Nothing to fix",
        summary: "A man caring for his wife, where no referral will change anything.",
        story: &[
            "Geoff cares for his wife, who has advanced dementia. He has a carers' assessment, a sitting service twice a week, and a daughter who visits on Sundays. Everything that can be put in place is in place.",
            "He still comes to see me every month. He does not want another group or another leaflet. Today he talked about the woman she used to be, and how she called him by her brother's name this morning. I did not offer anything. I listened, and at the end he said it was the only hour in the month when nobody needs anything from him.",
            "I came back to my desk and sat for ten minutes before I could write my notes.",
        ],
        suggested_tags: &[
            "holding-witness",
            "driver-cant-fix",
            "anchor-space",
            "anchor-presence",
            "wellbeing-load",
        ],
        embeddedness: None,
        facilitator_notes: &[
            "The driver is a problem that cannot be fixed: the referrals are done, and the need remains. The function of the holding is bearing witness to distress, which the research describes as one of the four things holding does.",
            "Trainees from target-driven backgrounds often feel that a session with no action is a wasted one. This is a chance to name what the hour gives Geoff: permission, space and safety to talk, which is what being an anchor point means.",
            "The last line matters. Bearing witness has a cost, and the journal's own wellbeing tags are there so that the cost reaches supervision rather than being carried home.",
        ],
        questions: &[
            "How would you explain the value of this hour to a practice manager counting contacts?",
            "When would you end this holding, and how would you know it was time?",
            "What do you do after a session like this, before the next person arrives?",
        ],
    },
    Vignette {
        id: "not-ready-yet",
        title: "Not ready yet",
        summary: "A young man who wants to go to a group but cannot yet walk in the door.",
        story: &[
            "Callum is 23 and has not worked since college. His GP referred him for low mood and isolation. He likes the idea of the walking group on Saturday mornings and has told me so three times. Each time, the night before, he texts to say he cannot face it.",
            "I could discharge him: he has had his six sessions and there is a waiting list behind him. Instead I have kept him on and we meet every two weeks at the caf\u{e9} by the park, which is where the walking group starts. Today we walked the first half mile of their route together, on a Wednesday, when nobody else was there.",
            "He said next time he might come on the Saturday if I am there at the start. I said I would think about it.",
        ],
        suggested_tags: &[
            "md-patient",
            "holding-preparing",
            "driver-readiness",
            "anchor-step",
            "boundary-stretched",
        ],
        embeddedness: None,
        facilitator_notes: &[
            "Keeping Callum on past the usual number of sessions, and meeting him on the group's route, are micro-discretions with a patient: how often, how long and how intensively to support someone, decided on personal judgement rather than protocol.",
            "The holding is driven by waiting until the person is ready or has capacity, and its function is sustaining him as he prepares for change. The walk on the empty route is prompting a small step, the anchor point at work.",
            "The open question is the Saturday. Meeting him there would be accompanying someone to a group, which the research names as a common variation in practice. It may be exactly right; it is also a weekend, unpaid, and a precedent. Ask the group where their line is and why.",
        ],
        questions: &[
            "Would you go on the Saturday? What would you need to know first?",
            "How would you explain keeping Callum on to someone waiting for their first appointment?",
            "What would tell you this support has become dependency rather than preparation?",
        ],
    },
    Vignette {
        id: "bev-at-the-food-bank",
        title: "Ringing Bev at the food bank",
        summary: "A sanction, an empty cupboard, and a phone call that skipped the queue.",
        story: &[
            "Amira came in on a Friday afternoon. Her Universal Credit has been sanctioned for a missed appointment she says she was never told about, and she has two children and nothing in the cupboard until Monday.",
            "The food bank takes referrals through a voucher system that closes at midday on Fridays. I know Bev, who coordinates it, from the community network. I rang her mobile. She said to send Amira round before four and she would sort it.",
            "Amira went. She messaged the practice afterwards to say thank you. On Monday I helped her ask for a mandatory reconsideration, and she has an appointment with the Citizens Advice debt adviser next week.",
        ],
        suggested_tags: &[
            "md-community",
            "barrier-structural",
            "anchor-step",
            "holding-waiting",
        ],
        embeddedness: None,
        facilitator_notes: &[
            "A micro-discretion with a community organisation: using a personal contact to get round a closed referral route. The research found these calls build the connections social prescribing depends on.",
            "They also rest on goodwill that can run out, and on a system that only works for patients whose link worker happens to know Bev. Ask who else was turned away at midday that Friday.",
            "The barrier is structural (a benefits sanction), and the follow-up on Monday is the part that changes things. Good reflections keep both: the quick fix and the slower work on the cause.",
        ],
        questions: &[
            "What would you have done if Bev had not answered?",
            "Is ringing a coordinator's personal mobile something you would want your supervisor to know about? Why?",
            "How would you record this without naming Bev, Amira or the food bank?",
        ],
    },
    Vignette {
        id: "the-desk-by-the-fire-exit",
        title: "The desk by the fire exit",
        summary: "Three weeks into a new practice, with no room and no clear referrals.",
        story: &[
            "I am three weeks into my post at Hollybank Surgery, employed by the Primary Care Network and shared between three practices. At Hollybank I have a desk in the corridor by the fire exit. There is no room to see patients, so I borrow whichever consulting room is free, and twice I have been asked to leave half-way through a conversation.",
            "I still cannot see the appointment system, so I cannot book anyone in myself. Reception tell patients I am \u{201c}the social worker\u{201d}. The referrals I do get say things like \u{201c}lonely?\u{201d} or \u{201c}housing, please sort\u{201d}.",
            "I ate lunch in my car again today. I am starting to wonder whether anyone here knows why I was hired.",
        ],
        suggested_tags: &["wellbeing-isolation", "md-staff", "boundary-held"],
        embeddedness: Some(Embeddedness::BoltedOn),
        facilitator_notes: &[
            "This is the bolted-on end of the continuum: a role added to the practice without much consideration. The research links the gap between the role people expected and the one they found with intention to leave.",
            "Underneath embeddedness sit four things: power, identity, demonstrating effect, and a facilitative infrastructure. Here the infrastructure is missing (no room, no system access), and the identity is being written by others (\u{201c}the social worker\u{201d}).",
            "Ask the group what is within the worker's reach this week. Explaining the role at a practice meeting, agreeing a referral form, asking for a room on set days: each is a judgement call with practice staff, and each moves the worker towards fitting in.",
        ],
        questions: &[
            "Which of the four things underneath embeddedness would you work on first, and how?",
            "Who in the practice could be your ally, and what would you ask them for?",
            "What would you bring to your first supervision about how this feels?",
        ],
    },
    Vignette {
        id: "a-seat-at-the-meeting",
        title: "A seat at the clinical meeting",
        summary: "Two years in, the practice asks the link worker to shape its referrals.",
        story: &[
            "Two years into my post at Fernleigh Medical Centre, the practice manager asked me to join the monthly multidisciplinary meeting. Today the GPs brought three patients they were worried about and asked what I thought before deciding anything.",
            "One of them, a man the practice nurse has been seeing weekly for dressings and conversation, has been on my list since the spring. I could tell them he has joined the men's shed and comes in far less. The nurse said she would never have thought to ask me.",
            "Afterwards, the senior partner asked whether I would write a paragraph for the new staff induction pack about what I do and what to refer. It took me a long time to get here, and it still depends on who is in the room.",
        ],
        suggested_tags: &["holding-easing-load", "md-staff", "anchor-presence"],
        embeddedness: Some(Embeddedness::Belonging),
        facilitator_notes: &[
            "This is belonging: being accepted as a legitimate source of support, asked for a view before decisions are made. Notice the markers: a seat at the clinical meeting, being asked to shape what others refer, and evidence of effect that the team can see.",
            "The last sentence is the honest part. Belonging can be fragile: it often rests on particular people (a practice manager, a senior partner) rather than on how the practice is organised. Ask what would keep it if those people left.",
            "The nurse's comment is about holding too: the link worker's support eased a clinician's load, and the meeting is where that became visible.",
        ],
        questions: &[
            "What changed between the desk by the fire exit and a seat at this meeting?",
            "How would you show the effect of your work to a practice that has not yet asked?",
            "What would you want a new colleague to read in that induction paragraph?",
        ],
    },
    Vignette {
        id: "the-first-time-she-mentioned-the-debt",
        title: "The first time she mentioned the debt",
        summary: "A third appointment about loneliness becomes a conversation about money.",
        story: &[
            "Joyce was referred for loneliness after her husband moved into a care home. In our first two appointments she talked about her garden, her grandchildren, and how the bungalow feels too big. She always brought biscuits.",
            "Today, near the end, she said quietly that she had not opened any post since June. She thinks she owes the energy company a lot of money and has been going to bed at seven to save on heating. She had not told her GP or her daughter.",
            "I did not try to fix it there and then. I asked whether she would like us to open the letters together next week. She said yes, and she booked the appointment herself at reception on her way out.",
        ],
        suggested_tags: &[
            "anchor-at-ease",
            "anchor-space",
            "anchor-step",
            "barrier-structural",
        ],
        embeddedness: None,
        facilitator_notes: &[
            "Being an anchor point: putting someone at ease, and giving them the permission, space and sense of safety to talk about non-medical needs. The debt came out in the third appointment because the first two were about the garden.",
            "The step towards change is hers (she booked the appointment), prompted when she was ready. The research finds that prompting depends on the person's motivation and capacity; rushing it can close the door again.",
            "Going to bed at seven to save on heating is a warning sign worth naming in supervision. Ask the group where that line is: when does it stop being a reflective note and become something to act on today through the proper channel?",
        ],
        questions: &[
            "What did you do in the first two appointments that made the third possible?",
            "Would you have waited a week to open the letters? What would have changed your mind?",
            "Which details of this would you keep out of your reflection, and why?",
        ],
    },
    Vignette {
        id: "nine-oclock-message",
        title: "The nine o'clock message",
        summary: "A patient messages the work mobile late at night, and the worker replies.",
        story: &[
            "Priya has been on my list for four months. She has panic attacks, a housing disrepair claim that is going nowhere, and a landlord who turns up without warning. I gave her my work mobile number so she could let me know if she could not make an appointment.",
            "Last night at nine she messaged to say the landlord had been round and she was shaking. I replied. I suggested the breathing exercise we practise, and said to ring 111 if she felt unsafe. She said thank you and that she felt better knowing someone was there.",
            "This morning I turned the phone on at eight and there were three more messages. I am worried I have taught her that I answer at night.",
        ],
        suggested_tags: &[
            "boundary-stretched",
            "md-patient",
            "anchor-presence",
            "wellbeing-caseload",
            "wellbeing-load",
        ],
        embeddedness: None,
        facilitator_notes: &[
            "Answering a message after hours is the domain's own example of a stretched boundary. It came from care, and it helped in the moment; the research is clear that micro-discretions without boundaries put the worker at risk.",
            "Being a consistent presence is part of being an anchor point. Consistency is also what the boundary protects: a worker who answers at nine one night and not the next is less reliable, not more.",
            "Steer the group away from blaming either person. The useful questions are what Priya needs out of hours (and who provides it), and how the worker can say so kindly tomorrow. If the landlord's visits are a safety concern, that belongs in the proper channel, not in a reflection.",
        ],
        questions: &[
            "What would you say to Priya tomorrow about the messages?",
            "Who should Priya contact at nine at night, and does she know?",
            "Where is your own line for contact outside working hours, and who agreed it?",
        ],
    },
    Vignette {
        id: "the-choir-wants-referrals",
        title: "The choir wants referrals",
        summary: "A community group asks for more referrals, and for a favour in return.",
        story: &[
            "The community choir at St Anne's hall has been brilliant for several people I support. This week its organiser, Linda, rang to ask whether I could send \u{201c}a few more\u{201d} because their small grant depends on numbers. She also asked whether I would write a letter to the funder saying how much the practice relies on them.",
            "I like Linda, and the choir works. But two of the people I would be sending would go for the numbers, not because it suits them, and I do not think I can sign a letter on the practice's behalf.",
            "I said I would keep referring people for whom it is right, and that I would share some anonymised feedback she could use. She sounded disappointed.",
        ],
        suggested_tags: &["md-community", "boundary-held", "barrier-structural"],
        embeddedness: Some(Embeddedness::FittingIn),
        facilitator_notes: &[
            "A micro-discretion with a community organisation, and this time the boundary was held. Holding a boundary with a group you rely on is harder than with a patient, because the relationship is what keeps the referral route open.",
            "The barrier behind it is structural: small groups funded by the number of referrals. The worker's offer of anonymised feedback is a judgement call too; ask what would make it safe to share.",
            "On embeddedness: speaking for the practice is a question of power and identity. The worker is fitting in, working out what they can say on the practice's behalf and what they cannot.",
        ],
        questions: &[
            "Was the offer of feedback the right one? What would you check first?",
            "How do you keep a good relationship with a group after saying no?",
            "Who in the practice could sign a letter like that, and should you ask them?",
        ],
    },
    Vignette {
        id: "waiting-for-the-housing-panel",
        title: "Waiting for the housing panel",
        summary: "A family in a damp flat, a panel date months away, and weekly calls meanwhile.",
        story: &[
            "Tomasz and his family live in a private rented flat with black mould in both bedrooms. His son's asthma has put him in hospital twice this winter. The council's housing panel will not consider the case until April.",
            "There is nothing to refer to that would move them sooner. I have written a supporting letter, checked they are on every list they can be on, and rung the environmental health team, who have a twelve-week wait. Now I ring Tomasz every Tuesday. Mostly he tells me what the mould looks like this week and asks whether I have heard anything. I never have.",
            "Today he said, \u{201c}You are the only person who calls back.\u{201d} I am glad, and I also feel like I am holding a door shut.",
        ],
        suggested_tags: &[
            "holding-waiting",
            "driver-no-provision",
            "barrier-structural",
            "anchor-presence",
            "wellbeing-load",
        ],
        embeddedness: None,
        facilitator_notes: &[
            "Holding while someone waits for services, driven by the lack of anything that would help sooner. It is the commonest shape of holding, and the one most easily mistaken for doing nothing.",
            "\u{201c}The only person who calls back\u{201d} is the anchor point, and also a measure of how little else is there. Ask the group what holding like this tells commissioners, and how it could reach them as counts and durations rather than stories.",
            "A child's repeated admissions may also be something the practice's clinicians need to know. Ask how the worker would make sure the GP is aware without turning the reflection into a case record.",
        ],
        questions: &[
            "What is the weekly call for, and how would you know if it stopped helping?",
            "How would you describe this holding in a supervision summary, without any identifying detail?",
            "What does \u{201c}holding a door shut\u{201d} tell you about how this is affecting you?",
        ],
    },
];
