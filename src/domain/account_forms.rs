//! The account forms, parsed: every field checked, every problem reported at once.

use super::{
    limits::{MAX_NAME_CHARS, MAX_PASSWORD_CHARS},
    text::parse_line,
    Email, FieldErrors, Password, Role,
};

/// First run: the workspace and its first Admin.
#[derive(Debug)]
pub struct NewWorkspace {
    pub workspace_name: String,
    pub name: String,
    pub email: Email,
    pub password: Password,
}

impl NewWorkspace {
    pub fn parse(
        workspace_name: &str,
        name: &str,
        email: &str,
        password: String,
    ) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let parsed_workspace = errors.check(
            "workspace_name",
            parse_line("Workspace Name", workspace_name, MAX_NAME_CHARS),
        );
        let parsed_name = errors.check("name", parse_line("Your Name", name, MAX_NAME_CHARS));
        let parsed_email = errors.check("email", Email::parse(email));
        let password = errors.check("password", Password::parse_new(password));
        match (parsed_workspace, parsed_name, parsed_email, password) {
            (Some(workspace_name), Some(name), Some(email), Some(password)) => Ok(Self {
                workspace_name,
                name,
                email,
                password,
            }),
            _ => Err(errors
                .keep("workspace_name", workspace_name)
                .keep("name", name)
                .keep("email", email)),
        }
    }
}

/// Sign-in: an email and a password attempt. Shape only; whether they match is the server's.
#[derive(Debug)]
pub struct SignIn {
    pub email: Email,
    pub password: Password,
}

impl SignIn {
    pub fn parse(email: &str, password: String) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let parsed_email = errors.check("email", Email::parse(email));
        let password = errors.check("password", Password::parse_attempt(password));
        match (parsed_email, password) {
            (Some(email), Some(password)) => Ok(Self { email, password }),
            _ => Err(errors.keep("email", email)),
        }
    }
}

/// Joining by invite, or choosing a new password: a name (when joining) and a password.
#[derive(Debug)]
pub struct NewMember {
    pub name: String,
    pub password: Password,
}

impl NewMember {
    pub fn parse(name: &str, password: String) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let parsed_name = errors.check("name", parse_line("Your Name", name, MAX_NAME_CHARS));
        let password = errors.check("password", Password::parse_new(password));
        match (parsed_name, password) {
            (Some(name), Some(password)) => Ok(Self { name, password }),
            _ => Err(errors.keep("name", name)),
        }
    }
}

/// An Admin's invitation: who, in which role, in which teams.
#[derive(Debug)]
pub struct Invitation {
    pub email: Email,
    pub role: Role,
    pub team_ids: Vec<i64>,
}

impl Invitation {
    pub fn parse(email: &str, role: Role, team_ids: Vec<i64>) -> Result<Self, FieldErrors> {
        match Email::parse(email) {
            Ok(email) => Ok(Self {
                email,
                role,
                team_ids,
            }),
            Err(message) => Err(FieldErrors::one("email", message)
                .keep("email", email)
                .keep("role", role.as_str())),
        }
    }
}

/// A password's length as the browser should check it (`minlength`/`maxlength`).
pub const PASSWORD_INPUT_MAX: usize = MAX_PASSWORD_CHARS;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_complete_first_run_form_parses() {
        let parsed =
            NewWorkspace::parse("Acme", "Ada", "ADA@acme.test", "a long passphrase".into())
                .unwrap();
        assert_eq!(parsed.email.as_str(), "ada@acme.test");
    }

    #[test]
    fn every_bad_field_of_the_first_run_form_is_reported_and_typed_text_kept() {
        let errors = NewWorkspace::parse("", "Ada", "not-an-email", "short".into()).unwrap_err();
        assert_eq!(
            errors.get("workspace_name"),
            Some("Workspace Name is required.")
        );
        assert!(errors.get("email").unwrap().contains("name@example.com"));
        assert_eq!(errors.get("password"), Some("Use at least 12 characters."));
        assert_eq!(errors.get("name"), None);
        assert_eq!(errors.kept("email"), Some("not-an-email"));
        assert_eq!(errors.kept("name"), Some("Ada"));
        assert_eq!(
            errors.kept("password"),
            None,
            "a password is never sent back"
        );
    }

    #[test]
    fn an_invitation_needs_an_email_and_keeps_the_role_chosen() {
        let errors = Invitation::parse("bo", Role::TeamLead, vec![]).unwrap_err();
        assert!(errors.get("email").is_some());
        assert_eq!(errors.kept("role"), Some("team_lead"));
    }
}
