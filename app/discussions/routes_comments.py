"""A prompt's thread: reading the groups' comments, posting, replying, editing.

The posting views validate CSRF in the form instead of before the request, so a form
whose session expired comes back with its text rather than to an error page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from flask import (
    abort,
    current_app,
    flash,
    get_template_attribute,
    redirect,
    render_template,
    request,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import Markup
from werkzeug.wrappers import Response

from ..comments import groups_of
from ..errors import DomainError
from ..extensions import csrf, db, limiter
from ..forms import ConfirmForm, form_status
from ..limits import per_user_writes, user_key
from ..models import Comment, Prompt, WorkGroup
from ..permissions import (
    can,
    can_still_edit,
    edit_deadline,
    may_read_others,
    require,
)
from ..requests import query_id
from ..web import apply_or_flash
from . import bp, queries_threads, services, thread_cache
from . import services_comments as comments
from .forms_comments import (
    CommentForm,
    EditCommentForm,
    ReplyFields,
    ReplyForm,
    blank_comment_fields,
)
from .queries import load_comment, load_prompt, page_context
from .queries_threads import ThreadGroups, comment_url


def _go_to_comment_or_field_error(
    save: Callable[[], tuple[Comment, bool]],
    field,
    message: str,
    category: str = "success posted",
) -> Response | None:
    """Apply a comment service; commit and go to the comment, saying so only when
    something changed (a resent form changes nothing); or show its refusal at the
    field and return None, so the view renders the form again as typed."""
    try:
        comment, changed = save()
    except DomainError as error:
        db.session.rollback()
        field.errors.append(str(error))
        return None
    # The comment's page is counted before the commit, in the same transaction: after
    # it, the count would begin a second one (on SQLite a second write lock).
    url = comment_url(comment)
    db.session.commit()
    if changed:
        flash(message, category)
    return redirect(url)


def _post_form(
    form, prompt: Prompt, now: datetime, message: str, reply_to: Comment | None = None
) -> Response | None:
    """Post the form's text for its group (a reply to ``reply_to`` if given)."""
    return _go_to_comment_or_field_error(
        lambda: comments.post_comment(
            prompt,
            author=current_user,
            group=db.get_or_404(WorkGroup, form.group_id.data),
            body=form.body.data,
            now=now,
            reply_to=reply_to,
            submission_key=form.submission_key.data,
        ),
        form.body,
        message,
    )


def _int_arg(name: str) -> int | None:
    return query_id(name)


def _filters() -> dict:
    """The reader's sort and filters, from the query string (bad values are ignored)."""
    try:
        order = queries_threads.Order(request.args.get("order", "oldest"))
    except ValueError:
        order = queries_threads.Order.OLDEST
    return {
        "order": order,
        "group_id": _int_arg("group"),
        "organisation_id": _int_arg("organisation"),
    }


def _comments_section(
    process, prompt: Prompt, *, reads_others: bool, may_reply: bool, own: list, now
) -> Markup:
    """The page's comments: from the worker's cache when this page was rendered for
    readers of the same class since the thread last changed, otherwise rendered (in
    a fixed number of statements) and kept; then filled in for this reader."""
    filters = _filters()
    page_number = query_id("page") or 1
    reader = queries_threads.reader_class(current_user, process)
    only_group_ids = None if reads_others else tuple(sorted(g.id for g in own))
    key = thread_cache.cache_key(
        process,
        prompt,
        reader=reader,
        may_reply=may_reply,
        only_group_ids=only_group_ids,
        filters=filters,
        page=page_number,
    )
    comments = thread_cache.cached(key)
    if comments is None:
        comments, shown = _render_comments(
            process, prompt, reader, may_reply, only_group_ids, filters, page_number
        )
        thread_cache.keep(key, comments)
        mine = [c for c in shown if c.author_id == current_user.id]
    else:
        mine_ids = comments.written_by(current_user.id)
        mine = queries_threads.comments_by_id(mine_ids) if mine_ids else []
    own_links = get_template_attribute("discussions/_comment.html", "own_actions")
    reply_fields = None
    if may_reply:
        reply_fields = ReplyFields(own).copies(
            get_template_attribute("discussions/_comment.html", "reply_fields")
        )
    return thread_cache.personalise(
        comments,
        user_id=current_user.id,
        own_actions={
            c.id: own_links(process, c, edit_deadline(c))
            for c in mine
            if can_still_edit(c, current_user, now)
        },
        reply_fields=reply_fields,
    )


def _render_comments(
    process, prompt, reader, may_reply, only_group_ids, filters, page_number
) -> tuple[thread_cache.ThreadComments, list[Comment]]:
    """A page of threads rendered for a class of readers, and the comments on it."""
    stmt = queries_threads.thread_query(
        prompt,
        **filters,
        only_group_ids=only_group_ids,
    )
    page = queries_threads.thread_page(
        stmt,
        page=page_number,
        per_page=current_app.config["ITEMS_PER_PAGE"],
        moderating=reader.may_moderate,
    )
    reads_others = only_group_ids is None
    all_groups, organisations = (
        queries_threads.filter_menus(process) if reads_others else ([], [])
    )
    rights = queries_threads.ReaderRights(reader, page.facts)
    shown = [c for thread in page.items for c in (thread, *thread.replies)]
    html = render_template(
        "discussions/_thread_comments.html",
        process=process,
        phase=prompt.discussion.phase,
        prompt=prompt,
        page=page,
        filters=filters,
        filter_args={
            "order": filters["order"].value,
            "group": filters["group_id"],
            "organisation": filters["organisation_id"],
        },
        reads_others=reads_others,
        all_groups=all_groups,
        organisations=organisations,
        comment_html=thread_cache.rendered_comments(shown, process, rights, may_reply),
    )
    return (
        thread_cache.ThreadComments(html, {c.id: c.author_id for c in shown}),
        shown,
    )


def _thread_page(
    process, discussion, prompt: Prompt, form, groups: ThreadGroups, now: datetime
):
    """The thread page: what the reader may do is decided once here, not per
    comment, and the comments come from ``_comments_section``. ``form``: the post
    form as sent (a POST the page shows again), or None for the empty form."""
    own = groups.own
    read_all = can(current_user, "discussion.read_all", process)
    # The "comment.read" rule, with the answers already loaded.
    reads_others = read_all or may_read_others(
        prompt, own, now, answered=groups.own_answered
    )
    current = services.state(discussion, now)
    may_post = can(current_user, "comment.post", prompt)
    # A refused post keeps its form (and text) even when posting has ended.
    show_form = may_post or bool(own and form is not None and form.errors)
    blank_post_fields = None
    if show_form and form is None:
        blank_post_fields = blank_comment_fields(
            own, get_template_attribute("discussions/_comment.html", "post_fields")
        )
    group_count, answered_count = thread_cache.answer_count(process, prompt)
    page_html = render_template(
        "discussions/thread.html",
        **page_context(process, discussion),
        prompt=prompt,
        form=form,
        blank_post_fields=blank_post_fields,
        groups=own,
        group_answered=bool(groups.own_answered),
        answered_count=answered_count,
        group_count=group_count,
        reads_others=reads_others,
        show_form=show_form,
        state=current.value,
        comments_section=_comments_section(
            process,
            prompt,
            reads_others=reads_others,
            may_reply=may_post and reads_others,
            own=own,
            now=now,
        ),
    )
    return page_html, form_status(form) if form is not None else 200


@bp.route(
    "/<slug>/discussions/<int:phase_id>/prompts/<int:prompt_id>/",
    methods=["GET", "POST"],
)
@login_required
@csrf.exempt
@limiter.limit(per_user_writes, key_func=user_key, methods=["POST"])
def thread(slug: str, phase_id: int, prompt_id: int):
    """The question, its comments (paginated, sorted, filtered) and the post form."""
    process, discussion, prompt = load_prompt(
        slug, phase_id, prompt_id, "discussion.view"
    )
    now = datetime.now(UTC)
    groups = queries_threads.thread_groups(process, prompt, current_user)
    form = None  # a GET shows the empty form from app.forms.blank_fields
    if request.method == "POST":
        require(current_user, "prompt.comment", process)
        form = CommentForm(groups=groups.own)
        if form.validate_on_submit():
            posted = _post_form(form, prompt, now, _("Your comment has been posted."))
            if posted is not None:
                return posted
    return _thread_page(process, discussion, prompt, form, groups, now)


@bp.route("/<slug>/comments/<int:comment_id>/reply", methods=["GET", "POST"])
@login_required
@csrf.exempt
@limiter.limit(per_user_writes, key_func=user_key, methods=["POST"])
def reply(slug: str, comment_id: int):
    """Reply to a comment; the thread stays one level deep."""
    process, target = load_comment(slug, comment_id, "discussion.view", "comment.reply")
    now = datetime.now(UTC)
    groups = groups_of(current_user, process.id)
    form = ReplyForm(groups=groups, prefix=f"reply{target.id}")
    if form.validate_on_submit():
        posted = _post_form(
            form, target.prompt, now, _("Your reply has been posted."), reply_to=target
        )
        if posted is not None:
            return posted
    page = _comment_page(
        "discussions/reply.html", process, target, form, target=target, groups=groups
    )
    return page, form_status(form)


def _comment_page(template: str, process, about: Comment, form, **context) -> str:
    """A page about one comment (reply, edit, delete), in its discussion's frame."""
    discussion = about.prompt.discussion
    return render_template(
        template,
        **page_context(process, discussion),
        prompt=about.prompt,
        form=form,
        **context,
    )


def _too_late(comment: Comment):
    flash(_("The time for editing or deleting this comment has passed."), "error")
    return redirect(comment_url(comment))


@bp.route("/<slug>/comments/<int:comment_id>/edit", methods=["GET", "POST"])
@login_required
@csrf.exempt
def edit_comment(slug: str, comment_id: int):
    """The author edits their comment within the edit window."""
    process, comment = load_comment(slug, comment_id, "discussion.view", "comment.own")
    now = datetime.now(UTC)
    if not can(current_user, "comment.edit", comment):
        return _too_late(comment)
    form = EditCommentForm(obj=comment)
    if form.validate_on_submit():
        saved = _go_to_comment_or_field_error(
            lambda: (
                comment,
                comments.edit_comment(
                    comment, editor=current_user, body=form.body.data, now=now
                ),
            ),
            form.body,
            _("The changes have been saved."),
            category="success",
        )
        if saved is not None:
            return saved
    page = _comment_page(
        "discussions/comment_edit.html",
        process,
        comment,
        form,
        comment=comment,
        deadline=edit_deadline(comment),
    )
    return page, form_status(form)


@bp.route("/<slug>/comments/<int:comment_id>/delete", methods=["GET", "POST"])
@login_required
def delete_comment(slug: str, comment_id: int):
    """The author deletes their comment within the edit window, after confirming."""
    process, comment = load_comment(slug, comment_id, "discussion.view", "comment.own")
    now = datetime.now(UTC)
    if not can(current_user, "comment.edit", comment):
        return _too_late(comment)
    form = ConfirmForm()
    if form.validate_on_submit():
        # Counted before the change, in the same transaction (deleting a comment
        # does not move the threads before it, which set its page).
        url = comment_url(comment)
        apply_or_flash(
            lambda: comments.delete_comment(comment, actor=current_user, now=now),
            _("Your comment has been deleted."),
        )
        return redirect(url)
    return _comment_page(
        "discussions/comment_delete.html", process, comment, form, comment=comment
    )


@bp.route("/<slug>/comments/<int:comment_id>")
@login_required
def comment_link(slug: str, comment_id: int):
    """A comment's lasting address (summaries and memos quote excerpts and link to
    the whole comment): to its thread's page, at the comment, for whoever may read it."""
    _process, comment = load_comment(slug, comment_id, "discussion.view")
    if not can(current_user, "comment.view", comment):
        abort(404)  # what the reader may not see is not there for them
    return redirect(comment_url(comment))
