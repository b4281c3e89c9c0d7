"""thread order index: a prompt's threads in their order, counted from the index

Revision ID: 0017_thread_order_index
Revises: 0016_thread_versions
Create Date: 2026-12-08 03:00:00

A thread page counts a question's threads (for its pages) and the page after a post
counts those before the new one (for its page number). Both read every top-level
comment of the question; with 2,500 of them SQLite fetched each row (10 ms a post on
the benchmark's process). This index holds what the counts read, in the pages'
order, so they read the index only.
"""
from alembic import op

revision = "0017_thread_order_index"
down_revision = "0016_thread_versions"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        "ix_comments_thread_order",
        "comments",
        ["prompt_id", "parent_id", "created_at", "id", "deleted_at"],
    )


def downgrade():
    op.drop_index("ix_comments_thread_order", table_name="comments")
