"""Who may open every route of the URL map: the expectations as data.

Written down from the policy (app/permissions.py and the views' own rules, such as
"only the author edits a comment" or "a draft memo is for the team"), independently
of the code, so a changed rule or a forgotten ``require`` breaks the matrix test.

Every rule of ``app.url_map`` (except ``static``) must have an entry here, keyed by
``rule_key(rule)``: the endpoint, or for an endpoint with several rules the endpoint
and the rule's id arguments, e.g. ``seminars.memo[workshop_id]``. A new route that
is not classified fails ``test_every_rule_is_classified``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .world import ROLES

# Role sets ---------------------------------------------------------------------

#: What anyone may cache of the open-data API (config API_CACHE_SECONDS).
API_SHARED_CACHE = "public, max-age=60"

ANYONE = frozenset(ROLES)
SIGNED_IN = ANYONE - {"anonymous"}
NOBODY = frozenset()
ADMINS = frozenset({"admin"})
#: Accounts that may start processes and keep the organisations.
FACILITATOR_ACCOUNTS = frozenset({"admin", "facilitator", "other_facilitator"})
#: The facilitator of process A, and the administrator.
FACILITATORS = frozenset({"facilitator", "admin"})
#: Reads everything of the process, changes nothing: facilitators and observers.
TEAM = FACILITATORS | {"observer"}
#: Members of A's work groups (post, vote, choose a workshop, answer a survey).
MEMBERS = frozenset({"participant", "other_group"})
#: Everyone in process A.
PROCESS_PEOPLE = TEAM | MEMBERS
#: Who reads A's first work group: the team and the group's own members.
GROUP1_PEOPLE = TEAM | {"participant"}
#: The author of A's comment.
AUTHOR = frozenset({"participant"})


@dataclass(frozen=True)
class Obj:
    """A URL argument taken from the process world: ``Obj("comment")`` is its id."""

    name: str
    attribute: str = "id"


@dataclass(frozen=True)
class Expect:
    """What a rule answers each role.

    ``get``: roles whose GET succeeds (status in ``ok``, or ``ok_for[role]``).
    ``post``: roles that may POST (default: the same as ``get``); everyone else's
    POST must be refused. For POST-only rules ``get`` is None.
    ``public``: no sign-in needed, so anonymous is answered, not sent to sign in.
    ``args``: URL arguments for this rule, over the defaults in ``ARGUMENTS``.
    """

    get: frozenset | None
    post: frozenset | None = None
    ok: frozenset = frozenset({200})
    ok_for: dict = field(default_factory=dict)
    public: bool = False
    args: dict = field(default_factory=dict)
    note: str = ""
    #: The Cache-Control an anonymous reader gets (open data anyone may cache);
    #: everyone else, and every other rule, gets ``no-store``.
    anonymous_cache: str = "no-store"

    @property
    def post_roles(self) -> frozenset:
        return self.post if self.post is not None else (self.get or NOBODY)

    def allowed_statuses(self, role: str) -> frozenset:
        return frozenset(self.ok_for.get(role, self.ok))


def post_only(roles: frozenset, **kwargs) -> Expect:
    return Expect(get=None, post=roles, **kwargs)


#: Default values of URL arguments (world object names, or literal values).
ARGUMENTS = {
    "slug": Obj("process", "slug"),
    "comment_id": Obj("comment"),
    "group_id": Obj("group1"),
    "ballot_id": Obj("ballot"),
    "workshop_id": Obj("workshop"),
    "vote_id": Obj("live_vote"),
    "speaker_question_id": Obj("speaker_question"),
    "item_id": Obj("block"),
    "theme_id": Obj("theme"),
    "member_id": Obj("observer_role"),
    "tag_id": Obj("tag"),
    "candidate_id": Obj("candidate"),
    "user_id": Obj("user"),
    "organisation_id": Obj("organisation"),
    "goal_id": Obj("goal"),
    "action_id": Obj("action"),
    "note_id": Obj("action_note"),
    "indicator_id": Obj("indicator"),
    "value_id": Obj("value"),
    "target_id": Obj("target"),
    "survey_id": Obj("survey"),
    "question_id": Obj("likert_question"),
    "response_id": Obj("survey_response"),
    "code": Obj("group1", "invite_code"),
    "number": 1,
    "token": "not-a-valid-reset-token",
    "lang": "en",
    "fmt": "md",
    "token_id": Obj("api_token"),
}

#: phase_id and prompt_id by blueprint: the kind of phase (prompt) its views serve.
PHASE_BY_BLUEPRINT = {
    "discussions": Obj("discussion_phase"),
    "seminars": Obj("seminar_phase"),
    "voting": Obj("discussion_phase"),
    "processes": Obj("discussion_phase"),
    "surveys": Obj("survey_phase"),
    "monitoring": Obj("survey_phase"),
}
PROMPT_BY_BLUEPRINT = {
    "discussions": Obj("prompt"),
    "seminars": Obj("workshop_prompt"),
    "surveys": Obj("survey_prompt"),
}

#: Every argument that names an object by its id (the cross-process test swaps it).
ID_ARGUMENTS = {
    "comment_id",
    "group_id",
    "ballot_id",
    "workshop_id",
    "vote_id",
    "speaker_question_id",
    "item_id",
    "theme_id",
    "member_id",
    "tag_id",
    "candidate_id",
    "phase_id",
    "prompt_id",
    "goal_id",
    "action_id",
    "note_id",
    "indicator_id",
    "value_id",
    "target_id",
    "survey_id",
    "question_id",
    "response_id",
}


#: Ids of installation-wide objects (accounts, organisations): not bound to a process.
GLOBAL_ID_ARGUMENTS = {"user_id", "organisation_id", "token_id"}


def rule_key(rule) -> str:
    """The rule's key in EXPECTATIONS (see the module docstring)."""
    if len(list(rule.map.iter_rules(rule.endpoint))) > 1:
        ids = ",".join(sorted(rule.arguments - {"slug"}))
        return f"{rule.endpoint}[{ids}]"
    return rule.endpoint


EXPECTATIONS: dict[str, Expect] = {
    # Public pages ------------------------------------------------------------
    "main.index": Expect(ANYONE, public=True),
    "main.healthz": Expect(ANYONE, public=True),
    "main.set_language": Expect(ANYONE, public=True, ok={302}),
    "auth.login": Expect(
        ANYONE,
        public=True,
        # Signed in already: back to the front page.
        ok={302},
        ok_for={"anonymous": {200}},
    ),
    "auth.logout": post_only(ANYONE, public=True),
    "auth.end_other_sessions": Expect(SIGNED_IN),
    "auth.join_code": Expect(ANYONE, public=True),
    # A fresh CSRF token of one's own session (offline notes are sent with it).
    "main.csrf_token": Expect(ANYONE, public=True),
    "auth.join": Expect(
        ANYONE,
        public=True,
        # A member of the group is sent to the process.
        ok_for={"participant": {302}},
    ),
    "auth.reset_request": Expect(ANYONE, public=True),
    "auth.reset_password": Expect(
        ANYONE, public=True, ok={410}, note="an unknown token is gone for everyone"
    ),
    # Accounts ------------------------------------------------------------------
    "auth.change_password": Expect(
        SIGNED_IN,
        # Participants joined by code and have no password: back to the front page.
        ok_for={role: {302} for role in ("outsider", "other_group", "participant")},
    ),
    "admin.users": Expect(ADMINS),
    "admin.create_user": Expect(ADMINS),
    "admin.user": Expect(ADMINS),
    "admin.deactivate": Expect(ADMINS),
    "admin.reactivate": Expect(ADMINS),
    "admin.send_link": post_only(ADMINS),
    "groups.organisations": Expect(FACILITATOR_ACCOUNTS),
    "groups.create_organisation": Expect(FACILITATOR_ACCOUNTS),
    # Only an organisation used in one's own processes (A's is used only in A).
    "groups.edit_organisation": Expect(FACILITATORS),
    "groups.delete_organisation": Expect(FACILITATORS),
    # Processes -------------------------------------------------------------------
    "processes.index": Expect(SIGNED_IN),
    "processes.create": Expect(FACILITATOR_ACCOUNTS),
    "processes.detail": Expect(PROCESS_PEOPLE),
    "processes.edit": Expect(FACILITATORS),
    "processes.add_phase": Expect(FACILITATORS),
    "processes.edit_phase": Expect(FACILITATORS),
    "processes.delete_phase": Expect(FACILITATORS),
    "processes.move_phase": post_only(FACILITATORS),
    "processes.add_theme": Expect(FACILITATORS),
    "processes.edit_theme": Expect(FACILITATORS),
    "processes.delete_theme": Expect(FACILITATORS),
    "processes.move_theme": post_only(FACILITATORS),
    "processes.team": Expect(FACILITATORS),
    "processes.remove_team_member": Expect(FACILITATORS),
    "processes.change_team_role": post_only(FACILITATORS),
    # Work groups -----------------------------------------------------------------
    "groups.group_list": Expect(FACILITATORS),
    "groups.create_group": Expect(FACILITATORS),
    "groups.group_detail": Expect(GROUP1_PEOPLE),
    "groups.edit_group": Expect(FACILITATORS),
    "groups.delete_group": Expect(FACILITATORS),
    "groups.rotate_invite": Expect(FACILITATORS),
    "groups.close_invite": Expect(FACILITATORS),
    "groups.open_invite": post_only(FACILITATORS),
    # Discussions -----------------------------------------------------------------
    "discussions.detail": Expect(PROCESS_PEOPLE),
    "discussions.settings": Expect(FACILITATORS),
    "discussions.add_prompt": Expect(FACILITATORS),
    "discussions.edit_prompt": Expect(FACILITATORS),
    "discussions.delete_prompt": Expect(FACILITATORS),
    "discussions.move_prompt": post_only(FACILITATORS),
    "discussions.invitation": Expect(FACILITATORS),
    "discussions.invitation_preview": Expect(FACILITATORS),
    "discussions.invitation_send": Expect(FACILITATORS),
    "discussions.participation": Expect(TEAM),
    "discussions.send_reminders": Expect(FACILITATORS),
    # Everyone in the process reads the thread; only group members post.
    "discussions.thread": Expect(PROCESS_PEOPLE, post=MEMBERS),
    # Group 2 has not answered: it may not read (nor reply to) group 1's thread yet.
    "discussions.reply": Expect(AUTHOR),
    "discussions.edit_comment": Expect(AUTHOR),
    "discussions.delete_comment": Expect(AUTHOR),
    # A teammate's comment: group 1 reads it, the team reads everything; group 2
    # does not see it yet (404). Facilitators moderate instead of reporting.
    "discussions.flag_comment": Expect(
        frozenset({"participant", "observer"}),
        args={"comment_id": Obj("teammate_comment")},
    ),
    # A comment's lasting address leads whoever reads it to its thread (302); group
    # 2 has not answered, so group 1's comment is not there for it (404).
    "discussions.comment_link": Expect(
        GROUP1_PEOPLE, ok={302}, args={"comment_id": Obj("teammate_comment")}
    ),
    "discussions.moderate_comment": Expect(FACILITATORS, args={"action": "hide"}),
    "discussions.comment_history": Expect(FACILITATORS),
    "discussions.moderation_queue": Expect(FACILITATORS),
    "discussions.moderation_log": Expect(FACILITATORS),
    # Seminars --------------------------------------------------------------------
    "seminars.agenda": Expect(PROCESS_PEOPLE),
    "seminars.settings": Expect(FACILITATORS),
    "seminars.choices": Expect(FACILITATORS),
    "seminars.add_item": Expect(FACILITATORS),
    "seminars.edit_item": Expect(FACILITATORS),
    "seminars.delete_item": Expect(FACILITATORS),
    "seminars.add_workshop": Expect(FACILITATORS),
    "seminars.edit_workshop": Expect(FACILITATORS),
    "seminars.delete_workshop": Expect(FACILITATORS),
    "seminars.move_workshop": post_only(FACILITATORS),
    "seminars.add_workshop_prompt": Expect(FACILITATORS),
    "seminars.edit_workshop_prompt": Expect(FACILITATORS),
    "seminars.delete_workshop_prompt": Expect(FACILITATORS),
    "seminars.move_workshop_prompt": post_only(FACILITATORS),
    "seminars.choose": post_only(MEMBERS),
    "seminars.cancel_choice": post_only(MEMBERS),
    # The seminar's memo is final: everyone in the process reads it.
    "seminars.memo[phase_id]": Expect(PROCESS_PEOPLE),
    # The workshop's memo is a draft: for the team's managers only (others 404).
    "seminars.memo[workshop_id]": Expect(FACILITATORS),
    "seminars.draft_memo[phase_id]": post_only(FACILITATORS),
    "seminars.draft_memo[workshop_id]": post_only(FACILITATORS),
    # A final memo is reopened before editing: its edit page sends back to it.
    "seminars.edit_memo[phase_id]": Expect(FACILITATORS, ok={302}),
    "seminars.edit_memo[workshop_id]": Expect(FACILITATORS),
    "seminars.finalise_memo[phase_id]": Expect(FACILITATORS),
    "seminars.finalise_memo[workshop_id]": Expect(FACILITATORS),
    "seminars.reopen_memo[phase_id]": Expect(FACILITATORS),
    "seminars.reopen_memo[workshop_id]": Expect(FACILITATORS),
    # The phone page is read by everyone in the process; only members post.
    "seminars.live": Expect(PROCESS_PEOPLE, post=MEMBERS),
    "seminars.projector": Expect(PROCESS_PEOPLE),
    "seminars.projector_fragment": Expect(PROCESS_PEOPLE),
    "seminars.control": Expect(FACILITATORS),
    # The printable join sheet (QR code and code) is the facilitators' to print.
    "seminars.join_sheet": Expect(FACILITATORS),
    "seminars.piles": Expect(FACILITATORS),
    # The phone page's service worker script: no data, for anyone.
    "seminars.service_worker": Expect(ANYONE, public=True),
    "seminars.control_action": post_only(FACILITATORS, args={"action": "next"}),
    # Quick votes (issue 17): opened, closed and deleted by the facilitators; the
    # phone's vote page for the process's people, its vote for the members.
    "seminars.open_live_vote": Expect(FACILITATORS),
    "seminars.live_vote": Expect(PROCESS_PEOPLE, post=MEMBERS),
    "seminars.close_live_vote": Expect(FACILITATORS),
    "seminars.delete_live_vote": Expect(FACILITATORS),
    "seminars.live_vote_off_wall": post_only(FACILITATORS),
    # Questions to the speakers (issue 17): the phone page for the process's people,
    # asking and liking for the members; the presenter view for the process's
    # people; moderating and deleting for the facilitators.
    "seminars.questions": Expect(PROCESS_PEOPLE, post=MEMBERS),
    "seminars.like_question": post_only(MEMBERS),
    "seminars.question_presenter": Expect(PROCESS_PEOPLE),
    "seminars.question_presenter_fragment": Expect(PROCESS_PEOPLE),
    "seminars.moderate_questions": Expect(FACILITATORS),
    "seminars.question_action": post_only(FACILITATORS, args={"action": "shortlist"}),
    "seminars.delete_question": Expect(FACILITATORS),
    # Voting ------------------------------------------------------------------------
    "voting.new_ballot": Expect(FACILITATORS),
    "voting.edit_ballot": Expect(FACILITATORS),
    "voting.delete_ballot": Expect(FACILITATORS),
    "voting.ballot": Expect(PROCESS_PEOPLE, post=MEMBERS),
    "voting.results": Expect(PROCESS_PEOPLE),
    "voting.projector": Expect(PROCESS_PEOPLE),
    "voting.projector_fragment": Expect(PROCESS_PEOPLE),
    "voting.turnout": Expect(TEAM),
    "voting.export_votes": Expect(FACILITATORS),
    # Coding, summaries, follow-up ------------------------------------------------
    "coding.index": Expect(FACILITATORS),
    "coding.suggest": post_only(FACILITATORS),
    "coding.act": post_only(FACILITATORS, args={"action": "accept"}),
    "coding.add_code": post_only(FACILITATORS),
    "coding.discover": Expect(FACILITATORS),
    "coding.adopt_candidate": post_only(FACILITATORS),
    "coding.dismiss_candidate": post_only(FACILITATORS),
    # While a discussion and a ballot are open the summary is the team's only.
    "exports.summary": Expect(TEAM),
    "exports.download": Expect(TEAM),
    "exports.printable": Expect(TEAM),
    # The proposal is published: everyone in the process reads it.
    "followup.proposal": Expect(PROCESS_PEOPLE),
    "followup.draft": post_only(FACILITATORS),
    "followup.edit": Expect(FACILITATORS),
    "followup.publish": Expect(FACILITATORS),
    "followup.unpublish": Expect(FACILITATORS),
    "followup.history": Expect(TEAM),
    "followup.version": Expect(TEAM),
    "followup.send_memo": Expect(FACILITATORS),
    # Monitoring of the follow-up: everyone in the process follows, the team's
    # managers keep the plan ------------------------------------------------------
    "monitoring.plan": Expect(PROCESS_PEOPLE),
    "monitoring.dashboard": Expect(PROCESS_PEOPLE),
    "monitoring.annual_report": Expect(PROCESS_PEOPLE, args={"fmt": "csv"}),
    "monitoring.indicator": Expect(PROCESS_PEOPLE),
    # The action's page is read by everyone; its status-note form is the managers'.
    "monitoring.action": Expect(PROCESS_PEOPLE, post=FACILITATORS),
    "monitoring.action_form[action_id]": Expect(FACILITATORS),
    "monitoring.action_form[goal_id]": Expect(FACILITATORS),
    "monitoring.delete_action": Expect(FACILITATORS),
    "monitoring.move_action": post_only(FACILITATORS),
    "monitoring.delete_note": Expect(FACILITATORS),
    "monitoring.goal_form[]": Expect(FACILITATORS),
    "monitoring.goal_form[goal_id]": Expect(FACILITATORS),
    "monitoring.delete_goal": Expect(FACILITATORS),
    "monitoring.move_goal": post_only(FACILITATORS),
    "monitoring.goals_from_proposal": Expect(FACILITATORS),
    "monitoring.import_values": Expect(FACILITATORS),
    "monitoring.import_template": Expect(FACILITATORS),
    "monitoring.indicator_form[goal_id]": Expect(FACILITATORS),
    "monitoring.indicator_form[indicator_id]": Expect(FACILITATORS),
    "monitoring.delete_indicator": Expect(FACILITATORS),
    "monitoring.move_indicator": post_only(FACILITATORS),
    "monitoring.value_form[indicator_id]": Expect(FACILITATORS),
    "monitoring.value_form[indicator_id,value_id]": Expect(FACILITATORS),
    "monitoring.delete_value": Expect(FACILITATORS),
    # Surveys: everyone in the process reads, members answer, the team's managers
    # set up, the team reads the results ------------------------------------------
    "surveys.detail": Expect(PROCESS_PEOPLE, post=MEMBERS),
    "surveys.settings": Expect(FACILITATORS),
    "surveys.add_question": Expect(FACILITATORS),
    "surveys.edit_question": Expect(FACILITATORS),
    "surveys.delete_question": Expect(FACILITATORS),
    "surveys.move_question": post_only(FACILITATORS),
    "surveys.next_period": Expect(FACILITATORS),
    "surveys.results": Expect(TEAM),
    "surveys.results_csv": Expect(TEAM),
    "surveys.answers_csv_download": Expect(TEAM),
    # Privacy: public notices; one's own data and account; erasing a process -----
    "privacy.notice": Expect(ANYONE, public=True),
    "privacy.accessibility": Expect(ANYONE, public=True),
    "privacy.my_data": Expect(SIGNED_IN),
    "privacy.data_json": Expect(SIGNED_IN),
    "privacy.delete_account": Expect(SIGNED_IN),
    "privacy.erase_process": Expect(FACILITATORS),
    # Open data (issue 18) ----------------------------------------------------------
    # Process A is not public: its public pages and its API are not found for
    # anyone (the API never uses the session; a token is the only key). The public
    # world (test_public_matrix.py) makes A public and checks them again.
    "processes.publicity": Expect(FACILITATORS),
    "public.index": Expect(ANYONE, public=True),
    "public.process": Expect(NOBODY),
    "public.summary": Expect(NOBODY),
    "public.proposal": Expect(NOBODY),
    "public.dashboard": Expect(NOBODY),
    "api.index": Expect(ANYONE, public=True, anonymous_cache=API_SHARED_CACHE),
    "api.processes": Expect(ANYONE, public=True, anonymous_cache=API_SHARED_CACHE),
    "api.openapi": Expect(ANYONE, public=True, anonymous_cache=API_SHARED_CACHE),
    "api.docs": Expect(ANYONE, public=True),
    "api.process": Expect(NOBODY),
    "api.phases": Expect(NOBODY),
    "api.prompts": Expect(NOBODY),
    "api.themes": Expect(NOBODY),
    "api.comments": Expect(NOBODY),
    "api.ballots": Expect(NOBODY),
    "api.summary": Expect(NOBODY),
    "api.indicators": Expect(NOBODY),
    # Personal API tokens: accounts that run processes; a token is its owner's.
    "tokens.index": Expect(FACILITATOR_ACCOUNTS),
    "tokens.revoke": Expect(frozenset({"facilitator"})),
}

#: What the open-data API rules expect when process A is public (the rest of the
#: map stays as above: making a process public opens nothing else of it).
PUBLIC_A_EXPECTATIONS: dict[str, Expect] = {
    "public.process": Expect(ANYONE, public=True),
    # A's discussion and ballot are still open: no summary yet, for anyone.
    "public.summary": Expect(NOBODY),
    "public.proposal": Expect(ANYONE, public=True),
    "public.dashboard": Expect(ANYONE, public=True),
    **{
        f"api.{name}": Expect(ANYONE, public=True, anonymous_cache=API_SHARED_CACHE)
        for name in (
            "process",
            "phases",
            "prompts",
            "themes",
            "comments",
            "ballots",
            "indicators",
        )
    },
    "api.summary": Expect(NOBODY),
}


def arguments_for(key: str, rule) -> dict:
    """The URL arguments of a rule: defaults, the blueprint's phase/prompt, overrides."""
    blueprint = rule.endpoint.split(".", 1)[0]
    values = {}
    for name in rule.arguments:
        if name == "phase_id":
            values[name] = PHASE_BY_BLUEPRINT.get(blueprint, Obj("discussion_phase"))
        elif name == "prompt_id":
            values[name] = PROMPT_BY_BLUEPRINT.get(blueprint, Obj("prompt"))
        elif name in ARGUMENTS:
            values[name] = ARGUMENTS[name]
    expectation = EXPECTATIONS.get(key)
    if expectation is not None:
        values.update(expectation.args)
    return values
