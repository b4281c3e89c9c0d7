"""live votes: a workshop's quick votes on the wall, their options, ballots and dots

Revision ID: 0014_live_votes
Revises: 0013_live_seminar
Create Date: 2026-12-07 16:20:00

One open vote per workshop is a partial unique index (closed_at IS NULL), the same
on SQLite and PostgreSQL; one ballot per person and vote, and one row of dots per
ballot and option, are unique constraints.
"""
import sqlalchemy as sa
from alembic import op

revision = "0014_live_votes"
down_revision = "0013_live_seminar"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('live_votes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('workshop_id', sa.Integer(), nullable=False),
    sa.Column('question', sa.String(length=300), nullable=False),
    sa.Column('dots_per_person', sa.Integer(), nullable=False),
    sa.Column('on_wall', sa.Boolean(), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('opened_by_id', sa.Integer(), nullable=True),
    sa.Column('voters', sa.Integer(), nullable=False),
    sa.CheckConstraint('dots_per_person BETWEEN 1 AND 5', name=op.f('ck_live_votes_dots_in_range')),
    sa.ForeignKeyConstraint(['opened_by_id'], ['users.id'], name=op.f('fk_live_votes_opened_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['workshop_id'], ['workshops.id'], name=op.f('fk_live_votes_workshop_id_workshops'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_live_votes'))
    )
    with op.batch_alter_table('live_votes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_live_votes_workshop_id'), ['workshop_id'], unique=False)
        batch_op.create_index('uq_live_votes_open_per_workshop', ['workshop_id'], unique=True, sqlite_where=sa.text('closed_at IS NULL'), postgresql_where=sa.text('closed_at IS NULL'))

    op.create_table('live_vote_ballots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vote_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_live_vote_ballots_user_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['vote_id'], ['live_votes.id'], name=op.f('fk_live_vote_ballots_vote_id_live_votes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_live_vote_ballots')),
    sa.UniqueConstraint('vote_id', 'user_id', name=op.f('uq_live_vote_ballots_vote_id_user_id'))
    )
    with op.batch_alter_table('live_vote_ballots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_live_vote_ballots_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_live_vote_ballots_vote_id'), ['vote_id'], unique=False)

    op.create_table('live_vote_options',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('vote_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=300), nullable=False),
    sa.Column('comment_id', sa.Integer(), nullable=True),
    sa.Column('dots', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_live_vote_options_comment_id_comments'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['vote_id'], ['live_votes.id'], name=op.f('fk_live_vote_options_vote_id_live_votes'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_live_vote_options')),
    sa.UniqueConstraint('vote_id', 'position', name=op.f('uq_live_vote_options_vote_id_position'))
    )
    with op.batch_alter_table('live_vote_options', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_live_vote_options_comment_id'), ['comment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_live_vote_options_vote_id'), ['vote_id'], unique=False)

    op.create_table('live_vote_dots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ballot_id', sa.Integer(), nullable=False),
    sa.Column('option_id', sa.Integer(), nullable=False),
    sa.Column('dots', sa.Integer(), nullable=False),
    sa.CheckConstraint('dots BETWEEN 1 AND 5', name=op.f('ck_live_vote_dots_dots_in_range')),
    sa.ForeignKeyConstraint(['ballot_id'], ['live_vote_ballots.id'], name=op.f('fk_live_vote_dots_ballot_id_live_vote_ballots'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['option_id'], ['live_vote_options.id'], name=op.f('fk_live_vote_dots_option_id_live_vote_options'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_live_vote_dots')),
    sa.UniqueConstraint('ballot_id', 'option_id', name=op.f('uq_live_vote_dots_ballot_id_option_id'))
    )
    with op.batch_alter_table('live_vote_dots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_live_vote_dots_ballot_id'), ['ballot_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_live_vote_dots_option_id'), ['option_id'], unique=False)



def downgrade():
    with op.batch_alter_table('live_vote_dots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_live_vote_dots_option_id'))
        batch_op.drop_index(batch_op.f('ix_live_vote_dots_ballot_id'))

    op.drop_table('live_vote_dots')
    with op.batch_alter_table('live_vote_options', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_live_vote_options_vote_id'))
        batch_op.drop_index(batch_op.f('ix_live_vote_options_comment_id'))

    op.drop_table('live_vote_options')
    with op.batch_alter_table('live_vote_ballots', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_live_vote_ballots_vote_id'))
        batch_op.drop_index(batch_op.f('ix_live_vote_ballots_user_id'))

    op.drop_table('live_vote_ballots')
    with op.batch_alter_table('live_votes', schema=None) as batch_op:
        batch_op.drop_index('uq_live_votes_open_per_workshop', sqlite_where=sa.text('closed_at IS NULL'), postgresql_where=sa.text('closed_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_live_votes_workshop_id'))

    op.drop_table('live_votes')
