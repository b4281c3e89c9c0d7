"""A prompt's thread: reading the groups' comments, posting, replying, editing.

The posting views validate CSRF in the form instead of before the request, so a form
whose session expired comes back with its text rather than to an error page.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import (
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required

from ..errors import DomainError
from ..extensions import csrf, db, limiter
from ..forms import ConfirmForm, form_status
from ..limits import per_user_writes, user_key
from ..models import Comment, Prompt, WorkGroup
from ..permissions import can, require
from ..requests import query_id
from ..web import get_discussion_comment_or_404, get_process_or_404
from . import bp, services, visibility
from . import services_comments as comments
from .forms_comments import CommentForm, EditCommentForm, ReplyForm
from .routes import load
from .routes_prompts import get_prompt_or_404


def comment_url(comment: Comment) -> str:
    """Where a comment is shown: its thread's page, at the comment."""
    prompt = comment.prompt
    page = visibility.page_of(comment, current_app.config["ITEMS_PER_PAGE"])
    return url_for(
        "discussions.thread",
        slug=prompt.process.slug,
        phase_id=prompt.discussion.phase_id,
        prompt_id=prompt.id,
        page=page if page > 1 else None,
        _anchor=f"comment-{comment.id}",
    )


def _int_arg(name: str) -> int | None:
    return query_id(name)


def _filters() -> dict:
    """The reader's sort and filters, from the query string (bad values are ignored)."""
    try:
        order = visibility.Order(request.args.get("order", "oldest"))
    except ValueError:
        order = visibility.Order.OLDEST
    return {
        "order": order,
        "group_id": _int_arg("group"),
        "organisation_id": _int_arg("organisation"),
    }


def _thread_page(process, discussion, prompt: Prompt, form, now: datetime):
    groups = comments.groups_of(current_user, process.id)
    reads_all = can(current_user, "discussion.read_all", process)
    reads_others = reads_all or visibility.can_read_others(prompt, groups, now)
    filters = _filters()
    stmt = visibility.thread_query(
        prompt,
        **filters,
        only_group_ids=None if reads_others else [g.id for g in groups],
    )
    page = db.paginate(
        stmt,
        page=query_id("page") or 1,
        per_page=current_app.config["ITEMS_PER_PAGE"],
        error_out=False,
    )
    answered = visibility.answered_group_ids(prompt)
    current = services.state(discussion, now)
    may_post = (
        bool(groups)
        and can(current_user, "prompt.comment", process)
        and current is services.DiscussionState.OPEN
    )
    page_html = render_template(
        "discussions/thread.html",
        process=process,
        discussion=discussion,
        phase=discussion.phase,
        prompt=prompt,
        form=form,
        page=page,
        filters=filters,
        filter_args={
            "order": filters["order"].value,
            "group": filters["group_id"],
            "organisation": filters["organisation_id"],
        },
        groups=groups,
        own_group_ids={g.id for g in groups},
        group_answered=bool(answered & {g.id for g in groups}),
        answered_count=len(answered),
        group_count=len(process.work_groups),
        reads_others=reads_others,
        may_post=may_post,
        # A refused post keeps its form (and text) even when posting has ended.
        show_form=may_post or bool(groups and form.errors),
        state=current.value,
        now=now,
        can_still_edit=comments.can_still_edit,
        edit_deadline=comments.edit_deadline,
        all_groups=process.work_groups,
        organisations=sorted(
            {g.organisation for g in process.work_groups}, key=lambda o: o.name
        ),
        reply_form_for=lambda comment: ReplyForm(
            groups=groups, prefix=f"reply{comment.id}", formdata=None
        ),
    )
    return page_html, form_status(form)


@bp.route(
    "/<slug>/discussions/<int:phase_id>/prompts/<int:prompt_id>/",
    methods=["GET", "POST"],
)
@login_required
@csrf.exempt
@limiter.limit(per_user_writes, key_func=user_key, methods=["POST"])
def thread(slug: str, phase_id: int, prompt_id: int):
    """The question, its comments (paginated, sorted, filtered) and the post form."""
    process, discussion = load(slug, phase_id, "discussion.view")
    prompt = get_prompt_or_404(discussion, prompt_id)
    now = datetime.now(UTC)
    groups = comments.groups_of(current_user, process.id)
    form = CommentForm(groups=groups)
    if request.method == "POST":
        require(current_user, "prompt.comment", process)
        if form.validate_on_submit():
            try:
                comment, created = comments.post_comment(
                    prompt,
                    author=current_user,
                    group=db.get_or_404(WorkGroup, form.group_id.data),
                    body=form.body.data,
                    now=now,
                    submission_key=form.submission_key.data,
                )
            except DomainError as error:
                db.session.rollback()
                form.body.errors.append(str(error))
            else:
                db.session.commit()
                if created:
                    flash(_("Your comment has been posted."), "success posted")
                return redirect(comment_url(comment))
    return _thread_page(process, discussion, prompt, form, now)


def _load_comment(slug: str, comment_id: int, action: str):
    process = get_process_or_404(slug)
    require(current_user, "discussion.view", process)
    comment = get_discussion_comment_or_404(process, comment_id)
    require(current_user, action, comment)
    discussion = comment.prompt.discussion
    return process, discussion, comment


@bp.route("/<slug>/comments/<int:comment_id>/reply", methods=["GET", "POST"])
@login_required
@csrf.exempt
@limiter.limit(per_user_writes, key_func=user_key, methods=["POST"])
def reply(slug: str, comment_id: int):
    """Reply to a comment; the thread stays one level deep."""
    process, discussion, target = _load_comment(slug, comment_id, "discussion.view")
    require(current_user, "prompt.comment", process)
    now = datetime.now(UTC)
    groups = comments.groups_of(current_user, process.id)
    if target.thread.group_id not in {g.id for g in groups} and not (
        visibility.can_read_others(target.prompt, groups, now)
    ):
        abort(403)
    form = ReplyForm(groups=groups, prefix=f"reply{target.id}")
    if form.validate_on_submit():
        try:
            comment, created = comments.post_comment(
                target.prompt,
                author=current_user,
                group=db.get_or_404(WorkGroup, form.group_id.data),
                body=form.body.data,
                now=now,
                reply_to=target,
                submission_key=form.submission_key.data,
            )
        except DomainError as error:
            db.session.rollback()
            form.body.errors.append(str(error))
        else:
            db.session.commit()
            if created:
                flash(_("Your reply has been posted."), "success posted")
            return redirect(comment_url(comment))
    page = render_template(
        "discussions/reply.html",
        process=process,
        discussion=discussion,
        phase=discussion.phase,
        prompt=target.prompt,
        target=target,
        form=form,
        groups=groups,
    )
    return page, form_status(form)


def _too_late(comment: Comment):
    flash(_("The time for editing or deleting this comment has passed."), "error")
    return redirect(comment_url(comment))


@bp.route("/<slug>/comments/<int:comment_id>/edit", methods=["GET", "POST"])
@login_required
@csrf.exempt
def edit_comment(slug: str, comment_id: int):
    """The author edits their comment within the edit window."""
    process, discussion, comment = _load_comment(slug, comment_id, "comment.edit")
    now = datetime.now(UTC)
    if not comments.can_still_edit(comment, current_user, now):
        return _too_late(comment)
    form = EditCommentForm(obj=comment)
    if form.validate_on_submit():
        try:
            changed = comments.edit_comment(
                comment, editor=current_user, body=form.body.data, now=now
            )
        except DomainError as error:
            db.session.rollback()
            form.body.errors.append(str(error))
        else:
            db.session.commit()
            if changed:
                flash(_("The changes have been saved."), "success")
            return redirect(comment_url(comment))
    page = render_template(
        "discussions/comment_edit.html",
        process=process,
        discussion=discussion,
        phase=discussion.phase,
        prompt=comment.prompt,
        comment=comment,
        form=form,
        deadline=comments.edit_deadline(comment),
    )
    return page, form_status(form)


@bp.route("/<slug>/comments/<int:comment_id>/delete", methods=["GET", "POST"])
@login_required
def delete_comment(slug: str, comment_id: int):
    """The author deletes their comment within the edit window, after confirming."""
    process, discussion, comment = _load_comment(slug, comment_id, "comment.edit")
    now = datetime.now(UTC)
    if not comments.can_still_edit(comment, current_user, now):
        return _too_late(comment)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            comments.delete_comment(comment, actor=current_user, now=now)
        except DomainError as error:
            db.session.rollback()
            flash(str(error), "error")
        else:
            db.session.commit()
            flash(_("Your comment has been deleted."), "success")
        return redirect(comment_url(comment))
    return render_template(
        "discussions/comment_delete.html",
        process=process,
        discussion=discussion,
        phase=discussion.phase,
        prompt=comment.prompt,
        comment=comment,
        form=form,
    )
