// Sends the SAML message form on to the service provider. Without
// JavaScript the user presses "Fortsæt" instead.
document.getElementById("saml-post").submit();
