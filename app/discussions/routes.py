"""A discussion's page for everyone in the process, and its settings for facilitators."""

from datetime import UTC, datetime

from flask import (
    make_response,
    render_template,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..comments import groups_of
from ..forms import edit_form
from ..security import csp_with
from ..web import save_or_show
from . import bp, queries_threads, services
from .forms import DiscussionSettingsForm
from .queries import load_discussion, page_context
from .video import video_embed


@bp.route("/<slug>/discussions/<int:phase_id>/")
@login_required
def detail(slug: str, phase_id: int):
    """The discussion: introduction, video with its transcript, questions, whether open."""
    process, discussion = load_discussion(slug, phase_id, "discussion.view")
    embed = video_embed(discussion.video_url) if discussion.video_url else None
    groups = groups_of(current_user, process.id)
    page = render_template(
        "discussions/detail.html",
        **page_context(process, discussion),
        embed=embed,
        state=services.state(discussion, datetime.now(UTC)).value,
        groups=groups,
        answer_counts=queries_threads.answer_counts(discussion),
        unanswered=queries_threads.unanswered_prompts(discussion, groups),
        group_count=len(process.work_groups),
        prompt_count_ok=services.MIN_PROMPTS
        <= len(discussion.prompts)
        <= services.MAX_PROMPTS,
    )
    response = make_response(page)
    if embed is not None and embed.kind == "file":
        # A direct video file: allow exactly its origin, on this page only.
        response.headers["Content-Security-Policy"] = csp_with(media_src=[embed.origin])
    return response


@bp.route("/<slug>/discussions/<int:phase_id>/settings", methods=["GET", "POST"])
@login_required
def settings(slug: str, phase_id: int):
    """Edit the introduction, the video and the reading rule; list the questions."""
    process, discussion = load_discussion(slug, phase_id, "discussion.manage")
    form = edit_form(DiscussionSettingsForm, discussion, main_language=process.language)
    return save_or_show(
        form,
        lambda: services.update_discussion(
            discussion,
            intro=form.intro.data,
            video_url=form.video_url.data or "",
            video_transcript=form.video_transcript.data,
            visibility=form.visibility.data,
            edit_window_minutes=form.edit_window_minutes.data,
        ),
        form.video_url,
        _("The changes have been saved."),
        url_for("discussions.settings", slug=slug, phase_id=phase_id),
        lambda: render_template(
            "discussions/settings.html",
            form=form,
            **page_context(process, discussion),
            max_prompts=services.MAX_PROMPTS,
            min_prompts=services.MIN_PROMPTS,
        ),
    )
