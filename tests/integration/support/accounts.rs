//! Setting up people for a test: the first Admin, invited members, teams.

use plugboard::api::{
    join::AcceptInvite,
    members::InviteMember,
    session::{CreateWorkspace, SignIn},
};

use super::{browser::Browser, TestApp};
use plugboard::wire::members::CreatedInvite;

pub const PASSWORD: &str = "correct horse battery staple";

impl TestApp {
    /// The id of the user with this email.
    pub async fn user_id(&self, email: &str) -> i64 {
        sqlx::query_scalar("SELECT id FROM users WHERE email = ?")
            .bind(email)
            .fetch_one(&self.state.pool)
            .await
            .unwrap_or_else(|e| panic!("no user {email}: {e}"))
    }

    /// How many sessions the server has stored, signed in or not.
    pub async fn stored_sessions(&self) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM tower_sessions")
            .fetch_one(&self.state.pool)
            .await
            .unwrap()
    }

    pub fn browser(&self) -> Browser {
        Browser::new(self.url("/").parse().unwrap())
    }

    /// Runs the first run; returns the Admin's signed-in browser.
    pub async fn create_admin(&self, email: &str) -> Browser {
        let browser = self.browser();
        let reply = browser
            .call::<CreateWorkspace>(&[
                ("workspace_name", "Acme"),
                ("name", "Ada Admin"),
                ("email", email),
                ("password", PASSWORD),
            ])
            .await;
        assert_eq!(reply.status, 200, "{reply:?}");
        browser
    }

    /// An Admin invites `email` as `role` (into `teams`); returns the link.
    pub async fn invite(
        &self,
        admin: &Browser,
        email: &str,
        role: &str,
        teams: &[i64],
    ) -> CreatedInvite {
        let team_values: Vec<String> = teams.iter().map(i64::to_string).collect();
        let mut form = vec![("email", email), ("role", role)];
        form.extend(team_values.iter().map(|id| ("teams[]", id.as_str())));
        let reply = admin.call::<InviteMember>(&form).await;
        assert_eq!(reply.status, 200, "{reply:?}");
        serde_json::from_str(&reply.body).unwrap()
    }

    /// Invites and joins; returns the new member's signed-in browser.
    pub async fn add_member(
        &self,
        admin: &Browser,
        email: &str,
        name: &str,
        role: &str,
    ) -> Browser {
        let invite = self.invite(admin, email, role, &[]).await;
        let member = self.browser();
        let reply = member
            .call::<AcceptInvite>(&[
                ("token", token_of(&invite.link)),
                ("name", name),
                ("password", PASSWORD),
            ])
            .await;
        assert_eq!(reply.status, 200, "{reply:?}");
        member
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> (Browser, super::browser::Reply) {
        let browser = self.browser();
        let reply = browser
            .call::<SignIn>(&[("email", email), ("password", password)])
            .await;
        (browser, reply)
    }
}

/// The token part of an invite or reset link.
pub fn token_of(link: &str) -> &str {
    link.rsplit('/').next().unwrap()
}
