namespace Central.Api.Klantcontacten;

/// <summary>What storing a klantcontact did.</summary>
internal enum CreateOutcome
{
    /// <summary>The contact is new and now stored.</summary>
    Created,

    /// <summary>The same uuid with the same content was stored before; nothing changed.</summary>
    AlreadyStored,

    /// <summary>The uuid is taken by a contact with other content; nothing changed.</summary>
    Conflict,
}
